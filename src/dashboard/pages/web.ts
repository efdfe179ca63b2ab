import { graphChart } from '../charts/graph.js';
import type { PageContent, PageContext, Section } from '../content.js';
import type { CommunityData } from '../data/read.js';
import { webOf } from '../data/web.js';
import { type Formats, percentCell } from '../format.js';

/** The web of coffees: who met whom without names, and the figures that matter. */
export function web(data: CommunityData, ctx: PageContext, f: Formats, draw: boolean): PageContent {
  const { say } = ctx;
  const w = webOf(data.community);
  const groupBy = data.community?.settings.groupBy ?? 'team';
  const figures: [string, number | null][] = [
    [say('charts.web.figures.members'), w.nodes.length],
    [say('charts.web.figures.meetings'), w.meetings],
    [say('charts.web.figures.twoSteps'), percentCell(w.withinTwoSteps)],
    [say('charts.web.figures.across'), percentCell(w.acrossGroups)],
    [say('charts.web.figures.metNoOne'), w.metNoOne],
    [say('charts.web.figures.neverMet'), w.neverMet.length],
  ];
  const graph: Section = {
    heading: say('charts.web.graph.heading'),
    lead: w.nodes.length === 0 ? say('charts.web.graph.none') : say('charts.web.graph.lead', { groupBy }),
    ...(w.nodes.length === 0 || !draw
      ? {}
      : {
          svg: graphChart({
            label: say('charts.web.graph.label', {
              members: f.count(w.nodes.length),
              links: f.count(w.links.length),
            }),
            nodes: w.nodes,
            links: w.links,
            groupNames: w.groups.map((g) => g.name),
            ungroupedName: say('charts.web.graph.ungrouped'),
            aloneName: say('charts.web.graph.alone'),
          }),
        }),
    table: {
      id: 'web-figures',
      caption: say('charts.web.figures.caption'),
      columns: [say('charts.web.figures.figure'), say('charts.web.figures.value')],
      rows: figures,
    },
  };
  const neverMet: Section = {
    heading: say('charts.web.neverMet.heading'),
    lead:
      w.groups.length < 2
        ? say('charts.web.neverMet.fewGroups')
        : w.neverMet.length === 0
          ? say('charts.web.neverMet.all')
          : say('charts.web.neverMet.lead'),
    table: {
      id: 'web-never-met',
      caption: say('charts.web.neverMet.heading'),
      columns: [say('charts.web.neverMet.group'), say('charts.web.neverMet.group')],
      rows: w.neverMet,
    },
  };
  return { title: say('charts.web.title'), intro: say('charts.web.intro'), sections: [graph, neverMet] };
}
