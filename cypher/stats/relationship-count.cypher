// Every relationship stored, of any type.
MATCH ()-[r]->()
RETURN count(r) AS total
