import {
  DeploymentEvent,
  IncidentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  DEMO_ENTITY_REFS,
  NOW,
  DAY,
  history,
  time,
  records,
  problems,
} from '../__testUtils__/demoHistory';
import { ENVIRONMENTS } from '../__testUtils__/catalog';
import { generateDemoHistory } from './generateDemoHistory';

describe('generateDemoHistory', () => {
  it('gives the same events for the same entities on the same UTC day', () => {
    const again = generateDemoHistory({
      entityRefs: DEMO_ENTITY_REFS,
      environments: ENVIRONMENTS,
      now: new Date('2026-11-19T23:59:59Z'),
    });
    expect(again).toEqual(history);
    expect(history.length).toBeGreaterThan(1000);
  });

  it('gives every commit a message and an author, so the changelog reads like one', () => {
    const commits = history.flatMap(event =>
      event.type === 'deployment' ? event.commits ?? [] : [],
    );
    expect(commits.length).toBeGreaterThan(1000);
    for (const commit of commits) {
      expect(commit.message).toMatch(/^[A-Z][^\n]+$/);
      expect(commit.author).toMatch(/^[a-z]+-[a-z]+$/);
    }
    expect(new Set(commits.map(commit => commit.message)).size).toBeGreaterThan(
      10,
    );
  });

  it('gives each entity the same history whether generated alone or with others', () => {
    const alone = generateDemoHistory({
      entityRefs: ['component:default/timetable-service'],
      environments: ENVIRONMENTS,
      now: NOW,
    });
    expect(alone).toEqual(
      history.filter(
        e => e.entityRef === 'component:default/timetable-service',
      ),
    );
  });

  it('shifts the window by a day the next day, keeping the events both days show', () => {
    const next = generateDemoHistory({
      entityRefs: DEMO_ENTITY_REFS,
      environments: ENVIRONMENTS,
      now: new Date(NOW.getTime() + DAY),
    });
    const starts = (events: Array<DeploymentEvent | IncidentEvent>) =>
      events.map(e => time(e.type === 'deployment' ? e.startedAt : e.openedAt));
    expect(Math.max(...starts(next))).toBeGreaterThan(
      Math.max(...starts(history)),
    );
    expect(Math.min(...starts(next))).toBeGreaterThan(
      Math.min(...starts(history)),
    );

    // What had settled yesterday is reported identically today, so that
    // ingesting today's history on top of yesterday's only adds to it.
    const nextWindowStart = Math.min(...starts(next));
    const settled = history.filter(event => {
      if (event.type === 'incident') {
        return (
          event.resolvedAt !== undefined &&
          time(event.openedAt) >= nextWindowStart
        );
      }
      return (
        event.status !== 'in_progress' &&
        // The release waiting for production moves with the end of the history.
        !event.id.endsWith('-waiting') &&
        (event.commits ?? []).every(
          commit => time(commit.committedAt) >= nextWindowStart,
        ) &&
        time(event.startedAt) >= nextWindowStart
      );
    });
    expect(settled.length).toBeGreaterThan(1000);
    const nextById = new Map(
      next
        .filter(e => e.type === 'incident' || e.status !== 'in_progress')
        .map(e => [e.id, e]),
    );
    for (const event of settled) {
      expect(nextById.get(event.id)).toEqual(event);
    }
  });

  it('keeps every time within the last 90 days', () => {
    const from = NOW.getTime() - 90 * DAY;
    const to = NOW.getTime();
    const times = history.flatMap(event =>
      event.type === 'deployment'
        ? [
            event.startedAt,
            ...(event.finishedAt ? [event.finishedAt] : []),
            ...(event.commits ?? []).map(c => c.committedAt),
          ]
        : [event.openedAt, ...(event.resolvedAt ? [event.resolvedAt] : [])],
    );
    const earliest = Math.min(...times.map(time));
    const latest = Math.max(...times.map(time));
    expect(earliest).toBeGreaterThanOrEqual(from);
    expect(earliest).toBeLessThan(from + 2 * DAY);
    expect(latest).toBeLessThanOrEqual(to);
  });

  it('gives only valid events', () => {
    const invalid = history
      .map(event => ({ id: event.id, problems: problems(event) }))
      .filter(entry => entry.problems.length > 0);
    expect(invalid).toEqual([]);
  });

  it('reports an id twice only as in_progress first, then with the final status', () => {
    const seen = new Map<string, Array<DeploymentEvent | IncidentEvent>>();
    history.forEach(e => seen.set(e.id, [...(seen.get(e.id) ?? []), e]));
    const reports = [...seen.values()];
    expect(reports.filter(events => events.length > 2)).toEqual([]);
    const pairs = reports.filter(events => events.length === 2) as Array<
      DeploymentEvent[]
    >;
    expect(pairs.length).toBeGreaterThan(100);
    expect(
      pairs.map(([first, second]) => [
        first.status,
        second.status !== 'in_progress',
      ]),
    ).toEqual(pairs.map(() => ['in_progress', true]));
    const withoutOutcome = ({ status, finishedAt, ...rest }: DeploymentEvent) =>
      rest;
    expect(pairs.map(([, second]) => withoutOutcome(second))).toEqual(
      pairs.map(([first]) => withoutOutcome(first)),
    );
  });

  it('gives every entity succeeded deployments in every environment', () => {
    const { deployments } = records(history);
    for (const entityRef of DEMO_ENTITY_REFS) {
      for (const { name } of ENVIRONMENTS) {
        expect({
          entityRef,
          name,
          succeeded: deployments.some(
            d =>
              d.entityRef === entityRef &&
              d.environment === name &&
              d.status === 'succeeded',
          ),
        }).toEqual({ entityRef, name, succeeded: true });
      }
    }
  });
});
