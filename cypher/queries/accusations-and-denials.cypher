// name: accusations-and-denials
// description: Every accusation, and the denials of involvement the accused made.
// params: (none)
MATCH (accuser:Entity)-[r:ACCUSED]->(accused:Entity)
OPTIONAL MATCH (accused)-[d:DENIED]->(attack:Attack)
RETURN accuser.name AS accuser, accused.name AS accused,
       head(COLLECT { MATCH (v:Evidence {source: accuser.id, type: 'ACCUSED', target: accused.id}) RETURN v.text ORDER BY v.doc, v.start }) AS accusation,
       attack.name AS denied_involvement_in,
       head(COLLECT { MATCH (v:Evidence {source: accused.id, type: 'DENIED', target: attack.id}) RETURN v.text ORDER BY v.doc, v.start }) AS denial
ORDER BY accuser, accused
