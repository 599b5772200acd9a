// name: accusations-and-denials
// description: Every accusation, and the denials of involvement the accused made.
// params: (none)
MATCH (accuser:Entity)-[r:ACCUSED]->(accused:Entity)
OPTIONAL MATCH (accused)-[d:DENIED]->(attack:Attack)
RETURN accuser.name AS accuser, accused.name AS accused, r.evidence[0] AS accusation,
       attack.name AS denied_involvement_in, d.evidence[0] AS denial
ORDER BY accuser, accused
