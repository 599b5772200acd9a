// Documents published by $asOf (a day, month or year, compared as far as it goes): the sources an "as of" view
// keeps. A document without a publication date is not known to have been out, so it is left out.
MATCH (d:Document)
WHERE d.published IS NOT NULL AND left(d.published, size($asOf)) <= $asOf
RETURN d.id AS id
