// The correction lookup and its replay on a resolved batch (pure): chains of merges, split-off aliases,
// deletions and rejections, on records written for the test.
import { describe, expect, it } from 'vitest';
import { indexCorrections } from '../../src/model/corrections.js';
import type { Extraction } from '../../src/model/extraction.js';
import { applyCorrections, routeEntity } from '../../src/resolve/corrections.js';

const batch = (): Extraction => ({
  documents: [{ id: 'd1', source: 'a.txt', title: 'A', chars: 10 }],
  entities: [
    { id: 'group/a', type: 'Group', name: 'Alpha Front', aliases: ['AF', 'the Front'], mentions: [], attributes: [] },
    { id: 'attack/x', type: 'Attack', name: 'X bombing', aliases: [], mentions: [], attributes: [{ key: 'deaths', value: 9, doc: 'd1', text: '9 dead' }, { key: 'deaths', value: 12, doc: 'd1', text: '12 dead' }] },
    { id: 'person/p', type: 'Person', name: 'Pat Doe', aliases: [], mentions: [], attributes: [] },
  ],
  relations: [
    { type: 'CLAIMED', source: 'group/a', target: 'attack/x', confidence: 0.8, evidence: [] },
    { type: 'MEMBER_OF', source: 'person/p', target: 'group/a', confidence: 0.8, evidence: [] },
  ],
});

describe('corrections replayed on a batch', () => {
  it('follows merges to their end, and sends a split-off alias to its own entity', () => {
    const index = indexCorrections([
      { kind: 'merge', keep: 'group/b', drop: 'group/a' },
      { kind: 'merge', keep: 'group/c', drop: 'group/b' },
      { kind: 'split-alias', entity: 'group/c', alias: 'AF', created: 'group/af', type: 'Group' },
    ]);
    // Written both ways: the entity stays, its mentions written as the alias go to the one split off.
    expect(routeEntity(index, 'group/a', 'Alpha Front', ['Alpha Front', 'AF'])).toEqual({ id: 'group/c', split: new Map([['af', 'group/af']]), splitOff: false });
    expect(routeEntity(index, 'group/a', 'Alpha Front', ['AF', 'af'])).toEqual({ id: 'group/af', split: new Map(), splitOff: true });
    expect(routeEntity(index, 'group/c', 'AF', [])).toEqual({ id: 'group/af', split: new Map(), splitOff: true });
    expect(routeEntity(index, 'group/z', 'AF', ['AF'])).toEqual({ id: 'group/z', split: new Map(), splitOff: false });
  });

  it('drops deleted entities with their edges, rejected edges and figures; keeps corrected names and types', () => {
    const index = indexCorrections([
      { kind: 'delete', entity: 'person/p' },
      { kind: 'reject-relation', source: 'group/a', type: 'CLAIMED', target: 'attack/x' },
      { kind: 'reject-figure', entity: 'attack/x', key: 'deaths', value: 9, doc: 'd1' },
      { kind: 'rename', entity: 'group/a', name: 'Front of Alpha' },
      { kind: 'retype', entity: 'group/a', type: 'Organization' },
      { kind: 'split-alias', entity: 'group/a', alias: 'the front', created: 'group/the-front', type: 'Group' },
    ]);
    const out = applyCorrections(batch(), index);
    expect(out.entities.map((e) => e.id)).toEqual(['group/a', 'attack/x']);
    expect(out.relations).toEqual([]);
    expect(out.entities[1]!.attributes.map((a) => a.value)).toEqual([12]);
    expect(out.entities[0]).toMatchObject({ name: 'Front of Alpha', type: 'Organization', aliases: ['AF', 'Alpha Front'], nameRank: -1 });
  });

  it('changes nothing without corrections', () => {
    expect(applyCorrections(batch(), indexCorrections([]))).toEqual(batch());
  });
});
