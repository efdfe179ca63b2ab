import { pairKey } from '../src/pairing/match.js';
import { simulate } from '../src/pairing/simulate.js';
const [n, r, g, sn, size] = process.argv.slice(2).map(Number);
const sim = simulate({ members: n!, rounds: r!, groups: g!, snooze: sn!, size: size!, seed: 1 });
const groupOf = new Map(sim.members.map((m) => [m.id, m.group]));
const met = new Set<string>(); let pairs=0, rep=0, across=0; const ms: number[]=[]; const sizes = new Map<number,number>();
for (const round of sim.rounds) { const now: string[]=[]; ms.push(round.ms);
  for (const grp of round.groups) { sizes.set(grp.length,(sizes.get(grp.length)??0)+1);
    for (let i=0;i<grp.length;i++) for (let j=i+1;j<grp.length;j++){ const k=pairKey(grp[i]!,grp[j]!); pairs++; if(met.has(k)) rep++; if(groupOf.get(grp[i]!)!==groupOf.get(grp[j]!)) across++; now.push(k);} }
  for (const k of now) met.add(k); }
ms.sort((a,b)=>a-b);
console.log({pairs, repeats: (100*rep/pairs).toFixed(2), across: (100*across/pairs).toFixed(2), medianMs: ms[Math.floor(ms.length/2)], sizes: [...sizes]});
