// Each evidence sentence of a batch's relationships as its own node, written once with CREATE and never
// rewritten: {source, type, target, doc, start, end, text} and page in a paged document, where source, type and
// target name the relationship (indexed together) and document and offset the sentence. Profiled against
// evidence kept in list properties on the relationship: those lists were rewritten on every merge, growing with
// the store. Only sentences of documents not stored before reach here, so a sentence's key never repeats.
// A row is a list [source, type, target, doc, start, end, page, text] (see evidenceNodes); a null page sets nothing.
UNWIND $evidence AS e
CREATE (v:Evidence {source: e[0], type: e[1], target: e[2], doc: e[3], start: e[4], end: e[5], page: e[6], text: e[7]})
RETURN count(*) AS total
