// Roles told in clauses and asides around a person's name, on sentences written for the test.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

describe('roles from clauses and asides', () => {
  it.each([
    ['a pronoun for the person the sentence named', 'Police arrested Ahmed Musa in Kano and said he was a member of Boko Haram.', 'MEMBER_OF Ahmed Musa -> Boko Haram'],
    ['a relative clause with a leader verb', 'Ahmed Musa, who heads the Kano Rights Union, said the toll was higher.', 'LEADER_OF Ahmed Musa -> Kano Rights Union'],
    ['a relative clause with a member verb', 'Ahmed Musa, who joined Boko Haram in 2009, was arrested in Kano.', 'MEMBER_OF Ahmed Musa -> Boko Haram'],
    ['a predicate after an aside', 'Ahmed Musa, who uses another name, is the founder and emir of al-Shabaab.', 'LEADER_OF Ahmed Musa -> al-Shabaab'],
    ['a title of a body set off before the name', 'The director of the Kano Rights Union, Ahmed Musa, told reporters the toll was higher.', 'LEADER_OF Ahmed Musa -> Kano Rights Union'],
    ['a title "for" a body with a hyphenated modifier', 'The house was hit at night, said Ahmed Musa, a spokesman for the Boko Haram-run Kano Rights Union.', 'MEMBER_OF Ahmed Musa -> Kano Rights Union'],
    ['work at a body with a hyphenated modifier', 'Nadia Ferron, a researcher at the Lagos-based Kano Policy Centre, said the toll was higher.', 'MEMBER_OF Nadia Ferron -> Kano Policy Centre'],
    ['a hyphenated title set off after "its"', 'The Kano Rights Union called for calm. Its secretary-general, Ahmed Musa, said the toll was higher.', 'LEADER_OF Ahmed Musa -> Kano Rights Union'],
    ['a chief commissioner, who heads the commission', 'The Kano Rights Commission called for calm. Its chief commissioner, Ahmed Musa, said the toll was higher.', 'LEADER_OF Ahmed Musa -> Kano Rights Commission'],
    ['a bare title set off after the name', 'Colonel Ahmed Musa, spokesman for the Kano Rights Union, said the toll was higher.', 'MEMBER_OF Ahmed Musa -> Kano Rights Union'],
    ['a place\'s governor titled before the name', 'Kaduna state governor Amos Bello said the town was calm.', 'LEADER_OF Amos Bello -> Kaduna'],
    ['a place\'s village head set off after its possessive', "Zaria's village head, Peter Odo, said the dead would be buried.", 'LEADER_OF Peter Odo -> Zaria'],
    ['work at a body told with a kind of work before it', '"The groups are weak," said Nadia Ferron, a security researcher at the Lagos-based Kano Policy Centre.', 'MEMBER_OF Nadia Ferron -> Kano Policy Centre'],
    ['"its" title after a possessed body, not its possessor', "Kenya's Foreign Ministry rejected the accusation. Its spokeswoman, Nadia Ferron, said the claims were baseless.", 'MEMBER_OF Nadia Ferron -> Foreign Ministry'],
    ['a role one describes oneself in', '"Free them," said Ahmed Musa, who described himself as a spokesman for the Kano Rights Union.', 'MEMBER_OF Ahmed Musa -> Kano Rights Union'],
    ['the agent of "led by" after the body', 'The Daraja Front, led by commander Ahmed Hassan Nur, denied the attack.', 'LEADER_OF Ahmed Hassan Nur -> Daraja Front'],
    ['"had been led by" past a clause on the body', 'The Daraja Front, which emerged in 2019 and has attacked army posts, had been led by Ahmed Hassan Nur until he died.', 'LEADER_OF Ahmed Hassan Nur -> Daraja Front'],
    ['"its" title after a body that spoke', 'The Kano Rights Union said its staff were safe. "We will stay," said its spokesman, Colonel Ahmed Musa.', 'MEMBER_OF Ahmed Musa -> Kano Rights Union'],
  ])('%s', (_what, text, expected) => {
    expect(graphOf(text).relations()).toContain(expected);
  });

  it('reads no leader from soldiers "led by" a person, who lead no named body', () => {
    expect(graphOf('Soldiers led by Colonel Ahmed Hassan Nur attacked the Daraja Front.').relations().filter((r) => r.startsWith('LEADER_OF'))).toEqual([]);
  });

  it('makes no deputy the leader of a place', () => {
    expect(graphOf("Zaria's deputy governor, Peter Odo, said the dead would be buried.").relations()).not.toContain('LEADER_OF Peter Odo -> Zaria');
  });

  it('reads no role off a pronoun whose nearest name is speaking', () => {
    expect(graphOf('Ahmed Musa said he was a member of Boko Haram for years.').relations().filter((r) => r.startsWith('MEMBER_OF'))).toEqual([]);
  });
});

describe('"its" before a title set off before a name', () => {
  it('is a group the sentence named before it, rather than the last subject', () => {
    const relations = graphOf('Varnia tightened its laws. On Monday Varnia banned the Sarvik Liberation Front, an armed group, and its leader, Doran Vell.').relations();
    expect(relations).toContain('LEADER_OF Doran Vell -> Sarvik Liberation Front');
    expect(relations).not.toContain('LEADER_OF Doran Vell -> Varnia');
  });
});
