// Generates news-like articles from templates and the gazetteers, deterministically from a seed: varied
// actors, places, attacks and casualty phrasings, for scale runs, benchmarks and tests that need many documents.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { seededRandom as random } from '../model/random.js';

const countries = (createRequire(import.meta.url)('world-countries') as Country[]).filter((c) => c.independent && c.capital[0] && c.demonyms?.eng?.m);
const groups = (JSON.parse(readFileSync(new URL('../../data/groups.json', import.meta.url), 'utf8')) as { groups: Array<{ name: string }> }).groups.map((g) => g.name);
const agencies = ['Reuters', 'the Associated Press', 'AFP', 'Al Jazeera', 'the BBC'];
const kinds = ['bombing', 'shooting', 'suicide bombing', 'car bombing', 'siege', 'massacre'];
const venues = ['market', 'hotel', 'mosque', 'concert hall', 'stadium', 'police station', 'school'];
const firstNames = ['Ahmed', 'Maria', 'John', 'Elena', 'Omar', 'Sophie', 'David', 'Amina', 'Pierre', 'Ivan'];
const lastNames = ['Karimov', 'Dubois', 'Okafor', 'Novak', 'Haddad', 'Larsen', 'Mendes', 'Tanaka', 'Rahimi', 'Costa'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface GeneratedArticle {
  name: string;
  text: string;
}

export function generateArticle(index: number, seed = 1): GeneratedArticle {
  const rand = random(seed * 1_000_003 + index);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const country = pick(countries);
  const other = pick(countries);
  const city = country.capital[0]!;
  const group = pick(groups);
  const kind = pick(kinds);
  const venue = pick(venues);
  const deaths = 3 + Math.floor(rand() * 150);
  const injured = deaths + Math.floor(rand() * 200);
  const leader = `${pick(firstNames)} ${pick(lastNames)}`;
  const expert = `${pick(firstNames)} ${pick(lastNames)}`;
  const day = 1 + Math.floor(rand() * 28);
  const month = pick(months);
  const year = 2015 + Math.floor(rand() * 10);
  const demonym = country.demonyms!.eng!.m;
  const otherDemonym = other.demonyms!.eng!.m;
  const casualty = pick([
    `left ${deaths} dead and ${injured} injured`,
    `killed at least ${deaths} people and wounded ${injured} others`,
    `resulted in the deaths of ${deaths} people`,
    `claimed nearly ${deaths} lives`,
  ]);
  const paragraphs = [
    `${group} claims ${kind} at ${venue} in ${city}`,
    `${day} ${month} ${year}`,
    `${group} claimed responsibility for the ${venue} ${kind} in ${city} on ${month} ${day}, which ${casualty}, according to ${pick(agencies)}.`,
    `${demonym} President ${leader} said the attack was the deadliest in years. ${leader.split(' ')[1]} promised a response.`,
    `${other.name.common} had warned ${country.name.common} about a possible attack, officials said. ${otherDemonym} authorities denied any involvement in the ${kind}.`,
    `Terror expert ${expert} said ${group} remains active in ${country.name.common} and has been plotting attacks in ${other.capital[0]}.`,
    `${country.name.common} arrested ${2 + Math.floor(rand() * 30)} suspects and extended its cooperation with ${other.name.common}. Article ${index} of the generated corpus.`,
  ];
  return { name: `generated-${String(index).padStart(6, '0')}.txt`, text: `${paragraphs.join('\n\n')}\n` };
}

export function* generateCorpus(count: number, seed = 1): Generator<GeneratedArticle> {
  for (let i = 0; i < count; i++) yield generateArticle(i, seed);
}
