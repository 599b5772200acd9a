// Relations read off the dependency parse, on sentences written for these tests: each fails without the
// syntax reader (cue windows and attack phrases alone miss them).
import { describe, expect, it } from 'vitest';
import { graphOf } from '../helpers/extract-text.js';

const attackRelations = (text: string) => graphOf(text).relations().filter((r) => r.startsWith('CARRIED_OUT') || r.startsWith('TARGETED'));

describe('relations from the dependency parse', () => {
  it('finds the group inside the subject of an attack verb, past coordinated attackers', () => {
    expect(attackRelations('On the evening of 9 March 2024, al-Shabaab gunmen and two suicide bombers attacked an army camp near Kismayo, Somalia.')).toEqual(['CARRIED_OUT al-Shabaab -> Kismayo attack']);
    expect(attackRelations('Fighters from Boko Haram raided the Konduga market in Borno State on Monday.')).toEqual(['CARRIED_OUT Boko Haram -> Borno market raid']);
  });

  it('takes the agent of a passive attack verb after "by"', () => {
    expect(attackRelations('A market in Gao, Mali, was bombed by Boko Haram on Sunday, and officials gave no toll.')).toEqual(['CARRIED_OUT Boko Haram -> Gao market bombing']);
  });

  it('reads what an attack was aimed at from "the attack on X", and never a town the target lies in', () => {
    expect(attackRelations('The attack on the Grand Meridian Hotel in Kismayo killed nine people.')).toEqual(['TARGETED Grand Meridian Hotel attack -> Grand Meridian Hotel']);
    expect(attackRelations('Investigators described the raid on a concert hall in Lyon as carefully planned.')).toEqual([]);
  });

  it('reads whose members the attackers were, for the attack the text told before', () => {
    expect(attackRelations('Gunmen fired on a patrol in Darvel, Kashmir, wounding two officers. Authorities later identified the gunmen as members of Lashkar-e-Taiba.')).toEqual(['CARRIED_OUT Lashkar-e-Taiba -> Darvel shooting']);
    expect(attackRelations('A bomb exploded at a bus stop in Mosul, Iraq, killing four. Officials believe the attacker was a member of the Islamic State.')).toEqual(['CARRIED_OUT Islamic State -> Mosul bus bombing']);
    expect(attackRelations('Assailants set fire to a church in Alton, Texas. In a letter, the attackers identified themselves as members of al-Shabaab.')).toEqual(['CARRIED_OUT al-Shabaab -> Alton church arson']);
    // The victims' group is not the attackers'.
    expect(attackRelations('The attackers, who killed two members of Hamas near Rafah, fled on foot.').filter((r) => r.includes('Hamas'))).toEqual([]);
  });
});
