// How many articles the graph holds: the viewer's live updates tell the page when it grows.
MATCH (d:Document)
RETURN count(d) AS documents
