// Each evidence sentence of a batch's relationships as its own node, written once with CREATE and never
// rewritten: {source, type, target, doc, start, end, text} and page in a paged document, where source, type and
// target name the relationship (indexed together) and document and offset the sentence. Profiled against
// evidence kept in list properties on the relationship: those lists were rewritten on every merge, growing with
// the store. Only sentences of documents not stored before reach here, so a sentence's key never repeats.
UNWIND $evidence AS e
CREATE (v:Evidence)
SET v = e
RETURN count(*) AS total
