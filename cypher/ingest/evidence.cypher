// Each evidence sentence of a batch's relationships as its own node, written once with CREATE and never
// rewritten: {id, source, type, target, doc, start, end, page, text}, where source, type and target name the
// relationship (indexed together) and the id adds the document and offset. Profiled against evidence kept in
// list properties on the relationship: those lists were rewritten on every merge, growing with the store.
// Only sentences of documents not stored before reach here, so the unique id never repeats.
UNWIND $evidence AS e
CREATE (v:Evidence)
SET v = e
RETURN count(*) AS total
