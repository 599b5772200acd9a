// Generated entities written straight into the store, to exercise the viewer at scale (bench and tests).
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:$(row.type), e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.aliasText = row.aliasText
