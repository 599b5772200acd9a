// One node per real attack across outlets (deliverable 4 of issue 10), on reports written for the test about
// an invented attack: other tolls, other place granularity, no shared name; and attacks that are not one.
import { describe, expect, it } from 'vitest';
import { datesAgree } from '../../src/extract/index.js';
import { graphOf } from '../helpers/extract-text.js';

const HOTEL = [
  'Hotel siege in Somalia\n11 May 2024\n\nGunmen stormed a hotel in the Hodan district of Mogadishu, Somalia, on Friday, killing 12 people, police said.',
  'Death toll rises\n11 May 2024\n\nAt least 15 people died when militants attacked a hotel in the Somali capital on Friday. Al-Shabaab claimed the attack.',
  'Somalia mourns\n12 May 2024\n\nThe Friday assault on a Mogadishu hotel killed 14 people, officials said. It was the deadliest attack since the truck bombing in Mogadishu in October 2017, which killed 512 people.',
];
const deaths = (attack: { attributes: Array<{ key: string; value: unknown }> }) => attack.attributes.filter((a) => a.key === 'deaths').map((a) => a.value).sort();

describe('one attack across outlets', () => {
  it('three reports in other words (other toll, city or country capital, no shared name) are one attack with every toll', () => {
    const graph = graphOf(...HOTEL);
    const attacks = graph.entitiesOf('Attack');
    expect(attacks).toHaveLength(2);
    const siege = attacks.find((a) => deaths(a).includes(12))!;
    expect(deaths(siege)).toEqual([12, 14, 15]);
    expect(graph.relations()).toContain(`CLAIMED al-Shabaab -> ${siege.name}`);
  });

  it('the older attack a report recalls stays apart, with its own toll', () => {
    const older = graphOf(...HOTEL).entitiesOf('Attack').find((a) => !deaths(a).includes(12))!;
    expect(deaths(older)).toEqual([512]);
    expect(older.attributes.find((a) => a.key === 'date')?.value).toBe('2017-10');
  });

  it('another attack in the same city months later is another node', () => {
    const graph = graphOf(HOTEL[0]!, 'Market blast\n20 September 2024\n\nA bomb exploded at a market in Mogadishu on Thursday, killing seven people.');
    expect(graph.entitiesOf('Attack').map(deaths).sort()).toEqual([[12], [7]]);
  });

  it('dates agree within a few days, or when either report has none', () => {
    expect(datesAgree('2024-05-10', '2024-05-11')).toBe(true);
    expect(datesAgree('2024-05-10', '2024-09-19')).toBe(false);
    expect(datesAgree('--12-31', '2025-01-01')).toBe(true);
    expect(datesAgree('2024-05', '2024-06')).toBe(false);
    expect(datesAgree('2024-05-10', undefined)).toBe(true);
  });
});
