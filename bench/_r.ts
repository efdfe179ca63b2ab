import { pairKey } from '../src/pairing/match.js';
import { simulate } from '../src/pairing/simulate.js';
const [n, r, g, sn, size, seed] = process.argv.slice(2).map(Number);
const sim = simulate({ members: n!, rounds: r!, groups: g!, snooze: sn!, size: size!, seed: seed ?? 1 });
const groupOf = new Map(sim.members.map((m) => [m.id, m.group]));
const met = new Set<string>(); const out: string[] = []; let P=0,R=0,A=0;
for (const round of sim.rounds) { const now: string[]=[]; let pairs=0, rep=0, across=0;
  for (const grp of round.groups) for (let i=0;i<grp.length;i++) for (let j=i+1;j<grp.length;j++){ const k=pairKey(grp[i]!,grp[j]!); pairs++; if(met.has(k)) rep++; if(groupOf.get(grp[i]!)!==groupOf.get(grp[j]!)) across++; now.push(k);}
  for (const k of now) met.add(k); out.push(`${rep}/${Math.round(100*across/pairs)}`); P+=pairs;R+=rep;A+=across; }
console.log(out.join(' '), '| rep%', (100*R/P).toFixed(2), 'across%', (100*A/P).toFixed(1));
