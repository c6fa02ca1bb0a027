import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC } from '#platform';
import { LOGS_ACCESS, REQUIRES, type Requirement } from '../../src/access/index.js';
import type { TestApi } from './test-api.js';

/** The routes of the application and a sample request for each, shared by the matrix tests. */
export interface Route {
  method: string;
  path: string;
  requirement: Requirement | undefined;
  isPublic: boolean;
  /** Declares that its response shows young people (`@LogsAccess`). */
  showsYoungPeople: boolean;
}

/** Every route the application serves, read from Nest's own controller metadata. */
export function discoverRoutes(api: TestApi): Route[] {
  const routes: Route[] = [];
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const base = String(Reflect.getMetadata('path', type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata('method', handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const sub = String(Reflect.getMetadata('path', handler) ?? '');
        const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        routes.push({
          method: RequestMethod[method],
          path,
          requirement: Reflect.getMetadata(REQUIRES, handler) as Requirement | undefined,
          isPublic: Reflect.getMetadata(PUBLIC, handler) === true,
          showsYoungPeople: Reflect.getMetadata(LOGS_ACCESS, handler) !== undefined,
        });
      }
    }
  }
  return routes;
}

export interface Fixture {
  hubId: string;
  youngPersonId: string;
  workerId: string;
}

export type Sample = (f: Fixture, user: string) => { path: string; body?: unknown };

let people = 0;

/** How to call each route. A route with no sample here fails the test: add one with its policy. */
export const SAMPLES: Record<string, Sample> = {
  'POST /api/hubs': () => ({
    path: '/api/hubs',
    body: { name: 'Matrix Hub', council: 'C', plannedBeds: 1, emergencyBeds: 1 },
  }),
  'GET /api/hubs': () => ({ path: '/api/hubs' }),
  'POST /api/referrals': (f) => ({
    path: '/api/referrals',
    body: {
      hubId: f.hubId,
      category: 'care_leaver',
      youngPerson: { givenName: `Mat${++people}`, familyName: 'Rix', dateOfBirth: '2006-06-06' },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'matrix',
    },
  }),
  'POST /api/young-people/:id/accept': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/accept`,
  }),
  'POST /api/young-people/:id/decline': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/decline`,
    body: { reason: 'matrix' },
  }),
  'POST /api/young-people/:id/key-worker': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/key-worker`,
    body: { workerId: 'kw-next', workerName: 'Next Worker', reason: 'matrix' },
  }),
  'POST /api/young-people/:id/consents': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/consents`,
    body: { visitorId: 'visitor-new', visitorName: 'New Visitor' },
  }),
  'DELETE /api/young-people/:id/consents/:visitorId': (f, user) => ({
    path: `/api/young-people/${f.youngPersonId}/consents/${user}`,
  }),
  'POST /api/young-people/:id/screening-notes': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/screening-notes`,
    body: { note: 'matrix' },
  }),
  'POST /api/young-people/:id/team': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/team`,
    body: { role: 'life_coach', name: 'Matrix Coach', from: '2026-01-01' },
  }),
  'POST /api/young-people/:id/team/:memberId/end': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/team/00000000-0000-4000-8000-0000000000aa/end`,
    body: { to: '2026-02-01', reason: 'matrix' },
  }),
  'POST /api/young-people/:id/team/:memberId/change': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/team/00000000-0000-4000-8000-0000000000aa/change`,
    body: { name: 'New Lead', from: '2026-02-01', reason: 'matrix' },
  }),
  'POST /api/young-people/:id/step-away': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/step-away`,
    body: { reason: 'matrix', on: '2026-02-01' },
  }),
  'POST /api/young-people/:id/reopen': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/reopen`,
    body: { reason: 'matrix' },
  }),
  'POST /api/young-people/:id/referrals/:referralId/confirm-duplicate': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/referrals/00000000-0000-4000-8000-0000000000bb/confirm-duplicate`,
  }),
  'POST /api/young-people/:id/referrals/:referralId/reject-duplicate': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/referrals/00000000-0000-4000-8000-0000000000bb/reject-duplicate`,
  }),
  'POST /api/young-people/:id/plan/goals': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/plan/goals`,
    body: { area: 'safety', description: 'matrix', targetDate: '2099-01-01' },
  }),
  'POST /api/young-people/:id/plan/goals/:goalId/status': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/plan/goals/00000000-0000-4000-8000-0000000000dd/status`,
    body: { status: 'achieved' },
  }),
  'POST /api/young-people/:id/plan/reviews': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/plan/reviews`,
    body: { kind: 'support', reviewedOn: '2026-01-01', notes: 'matrix' },
  }),
  'POST /api/young-people/:id/close': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/close`,
    body: { reason: 'reached_25' },
  }),
  'POST /api/young-people/:id/corrections': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/corrections`,
    body: { socialWorkerTeam: 'Corrected Team', reason: 'matrix' },
  }),
  'GET /api/hubs/:hubId/caseload': (f) => ({ path: `/api/hubs/${f.hubId}/caseload?limit=500` }),
  'POST /api/hubs/:hubId/admissions': (f) => ({
    path: `/api/hubs/${f.hubId}/admissions`,
    body: {
      youngPersonId: f.youngPersonId,
      from: '2026-02-01',
      episode: {
        rne: 'S',
        ls: 'C2',
        place: 'K2',
        placeProvider: 'PR1',
        postcode: 'YO11 1AA',
        outOfArea: false,
      },
    },
  }),
  'POST /api/hubs/:hubId/admissions/:youngPersonId/discharge': (f) => ({
    path: `/api/hubs/${f.hubId}/admissions/${f.youngPersonId}/discharge`,
    body: { on: '2026-02-10', destination: 'outreach_support', reason: 'matrix', rec: 'E4A' },
  }),
  'POST /api/hubs/:hubId/admissions/:youngPersonId/move-bed': (f) => ({
    path: `/api/hubs/${f.hubId}/admissions/${f.youngPersonId}/move-bed`,
    body: { toBedId: 'planned-2', on: '2026-02-10', reason: 'matrix' },
  }),
  'POST /api/hubs/:hubId/beds/:bedId/out-of-use': (f) => ({
    path: `/api/hubs/${f.hubId}/beds/planned-9/out-of-use`,
    body: { reason: 'matrix', from: '2026-02-01' },
  }),
  'POST /api/hubs/:hubId/beds/:bedId/back-in-use': (f) => ({
    path: `/api/hubs/${f.hubId}/beds/planned-9/back-in-use`,
    body: { on: '2026-02-01' },
  }),
  'PUT /api/hubs/:hubId/stay-threshold': (f) => ({
    path: `/api/hubs/${f.hubId}/stay-threshold`,
    body: { weeks: 12 },
  }),
  'PUT /api/hubs/:hubId/registration': (f) => ({
    path: `/api/hubs/${f.hubId}/registration`,
    body: { laCode: 'E10000014', ofstedUrn: 'SC123456' },
  }),
  'POST /api/young-people/:id/return-details': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/return-details`,
    body: {
      childId: 'HC0001',
      sex: 'M',
      ethnicity: 'WBRI',
      upnReason: 'UN4',
      cin: 'N4',
      homePostcode: 'SO23 8UJ',
    },
  }),
  'GET /api/exports/ssda903/:year': () => ({ path: '/api/exports/ssda903/2025-26' }),
  'GET /api/exports/ssda903/:year/:table.csv': () => ({
    path: '/api/exports/ssda903/2025-26/episodes.csv',
  }),
  'GET /app/returns/ssda903': () => ({ path: '/app/returns/ssda903' }),
  'GET /app/returns/ssda903/:year/:table.csv': () => ({
    path: '/app/returns/ssda903/2025-26/header.csv',
  }),
  'GET /app/young-people/:id/return-details': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/return-details`,
  }),
  'POST /app/young-people/:id/return-details': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/return-details`,
    body: {
      childId: 'HC0002',
      sex: 'M',
      ethnicity: 'WBRI',
      upnReason: 'UN4',
      cin: 'N4',
      homePostcode: 'SO23 8UJ',
    },
  }),
  'POST /api/hubs/:hubId/admissions/:youngPersonId/legal-status': (f) => ({
    path: `/api/hubs/${f.hubId}/admissions/${f.youngPersonId}/legal-status`,
    body: { on: '2026-02-05', ls: 'C1' },
  }),
  'GET /app/hubs/:hubId/beds/:bedId/legal-status': (f) => ({
    path: `/app/hubs/${f.hubId}/beds/planned-1/legal-status`,
  }),
  'POST /app/hubs/:hubId/beds/:bedId/legal-status': (f) => ({
    path: `/app/hubs/${f.hubId}/beds/planned-1/legal-status`,
    body: { ls: 'C1', 'on-day': '5', 'on-month': '2', 'on-year': '2026' },
  }),
  'GET /api/young-people/:id/placements-outside': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/placements-outside`,
  }),
  'POST /api/young-people/:id/placements-outside': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/placements-outside`,
    body: {
      description: 'Council foster carers',
      from: '2024-01-01',
      episode: {
        rne: 'S',
        ls: 'C2',
        place: 'U4',
        placeProvider: 'PR1',
        postcode: 'BH25 5GU',
        outOfArea: false,
      },
      end: { on: '2024-02-01', rec: 'E4A' },
    },
  }),
  'POST /api/young-people/:id/placements-outside/:placementId/end': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/placements-outside/00000000-0000-4000-8000-0000000000f1/end`,
    body: { on: '2026-02-10', rec: 'E4A' },
  }),
  'GET /app/young-people/:id/placements-outside': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/placements-outside`,
  }),
  'POST /app/young-people/:id/placements-outside': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/placements-outside`,
    body: { description: 'Matrix carers' },
  }),
  'POST /app/young-people/:id/placements-outside/:placementId/end': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/placements-outside/00000000-0000-4000-8000-0000000000f1/end`,
    body: { rec: 'E4A' },
  }),
  'GET /app/hubs/:hubId/registration': (f) => ({ path: `/app/hubs/${f.hubId}/registration` }),
  'POST /app/hubs/:hubId/registration': (f) => ({
    path: `/app/hubs/${f.hubId}/registration`,
    body: { laCode: 'E10000014', ofstedUrn: 'SC123456' },
  }),
  'GET /api/hubs/:hubId/bed-board': (f) => ({ path: `/api/hubs/${f.hubId}/bed-board` }),
  'GET /api/young-people/:id/placements': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/placements`,
  }),
  'GET /api/hubs/:hubId/occupancy': (f) => ({
    path: `/api/hubs/${f.hubId}/occupancy?from=2026-01-01&to=2026-02-01`,
  }),
  'POST /api/hubs/:hubId/community-families': (f) => ({
    path: `/api/hubs/${f.hubId}/community-families`,
    body: {
      name: 'Matrix Family',
      approvedOn: '2026-01-01',
      capacity: 1,
      ageRange: { min: 12, max: 17 },
    },
  }),
  'GET /api/hubs/:hubId/community-families': (f) => ({
    path: `/api/hubs/${f.hubId}/community-families`,
  }),
  'POST /api/hubs/:hubId/community-families/:familyId/placements': (f) => ({
    path: `/api/hubs/${f.hubId}/community-families/00000000-0000-4000-8000-0000000000ee/placements`,
    body: {
      youngPersonId: f.youngPersonId,
      from: '2026-02-01',
      episode: {
        rne: 'P',
        ls: 'C2',
        place: 'U3',
        placeProvider: 'PR1',
        postcode: 'YO1 7HH',
        outOfArea: false,
      },
    },
  }),
  'POST /api/hubs/:hubId/community-families/:familyId/placements/:youngPersonId/end': (f) => ({
    path: `/api/hubs/${f.hubId}/community-families/00000000-0000-4000-8000-0000000000ee/placements/${f.youngPersonId}/end`,
    body: { on: '2026-02-10', reason: 'matrix' },
  }),
  'POST /api/hubs/:hubId/community-families/:familyId/placements/:youngPersonId/legal-status': (
    f,
  ) => ({
    path: `/api/hubs/${f.hubId}/community-families/00000000-0000-4000-8000-0000000000ee/placements/${f.youngPersonId}/legal-status`,
    body: { on: '2026-02-10', ls: 'C1' },
  }),
  'GET /api/hubs/:hubId/staff': (f) => ({ path: `/api/hubs/${f.hubId}/staff` }),
  'POST /api/hubs/:hubId/staff': (f, user) => ({
    path: `/api/hubs/${f.hubId}/staff`,
    body: {
      name: 'Matrix Staff',
      role: 'key_worker',
      signIn: `matrix-${user}-${++people}`,
      from: '2026-01-05',
    },
  }),
  'POST /api/hubs/:hubId/staff/:staffId/end': (f) => ({
    path: `/api/hubs/${f.hubId}/staff/00000000-0000-4000-8000-0000000000ef/end`,
    body: { on: '2026-02-10', reason: 'matrix' },
  }),
  'GET /api/young-people/:id': (f) => ({ path: `/api/young-people/${f.youngPersonId}` }),
  'GET /api/young-people/:id/access-log': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/access-log`,
  }),
  'GET /api/hubs/:hubId/referrals': (f) => ({ path: `/api/hubs/${f.hubId}/referrals?limit=500` }),
  'GET /api/caseloads/:workerId': (f) => ({ path: `/api/caseloads/${f.workerId}` }),
  'GET /api/audit/access-log': () => ({ path: '/api/audit/access-log' }),
  'GET /api/audit/refused-requests': () => ({ path: '/api/audit/refused-requests' }),
  'POST /api/young-people/:id/contacts': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/contacts`,
    body: { occurredAt: '2026-01-05T10:00:00Z', kind: 'phone', notes: 'matrix' },
  }),
  'POST /api/young-people/:id/contacts/:contactId/amendments': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/contacts/00000000-0000-4000-8000-0000000000c1/amendments`,
    body: { notes: 'matrix', reason: 'matrix' },
  }),
  'GET /api/young-people/:id/contacts': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/contacts`,
  }),
  'POST /api/young-people/:id/missing-episodes': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/missing-episodes`,
    body: {
      category: 'M',
      startedAt: '2026-01-05T22:00:00Z',
      policeInformed: false,
      circumstances: 'matrix',
    },
  }),
  'POST /api/young-people/:id/missing-episodes/:episodeId/updates': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/missing-episodes/00000000-0000-4000-8000-0000000000c2/updates`,
    body: { note: 'matrix' },
  }),
  'POST /api/young-people/:id/missing-episodes/:episodeId/return': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/missing-episodes/00000000-0000-4000-8000-0000000000c2/return`,
    body: { returnedAt: '2026-01-06T09:00:00Z', whereFound: 'matrix' },
  }),
  'POST /api/young-people/:id/missing-episodes/:episodeId/return-interview': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/missing-episodes/00000000-0000-4000-8000-0000000000c2/return-interview`,
    body: { outcome: 'offered', at: '2026-01-06T10:00:00Z' },
  }),
  'GET /api/young-people/:id/missing-episodes': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/missing-episodes`,
  }),
  'POST /api/young-people/:id/incidents': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/incidents`,
    body: { kind: 'other', occurredAt: '2026-01-05T21:00:00Z', summary: 'matrix' },
  }),
  'POST /api/young-people/:id/incidents/:incidentId/notifications': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/incidents/00000000-0000-4000-8000-0000000000c3/notifications`,
    body: { recipient: 'ofsted', notifiedAt: '2026-01-06T09:00:00Z', method: 'matrix' },
  }),
  'GET /api/young-people/:id/indicators': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/indicators?from=2026-01-01&to=2026-02-01`,
  }),
  'GET /api/hubs/:hubId/missing-board': (f) => ({ path: `/api/hubs/${f.hubId}/missing-board` }),
  'GET /api/hubs/:hubId/notifications': (f) => ({ path: `/api/hubs/${f.hubId}/notifications` }),
  'POST /api/hubs/:hubId/housing-options': (f) => ({
    path: `/api/hubs/${f.hubId}/housing-options`,
    body: {
      kind: 'training_flat',
      name: 'Matrix Flat',
      capacity: 1,
      ageRange: { min: 16, max: 21 },
    },
  }),
  'GET /api/hubs/:hubId/housing-options': (f) => ({ path: `/api/hubs/${f.hubId}/housing-options` }),
  'POST /api/hubs/:hubId/housing-options/:optionId/suspend': (f) => ({
    path: `/api/hubs/${f.hubId}/housing-options/00000000-0000-4000-8000-0000000000d1/suspend`,
    body: { reason: 'matrix', on: '2026-01-05' },
  }),
  'POST /api/hubs/:hubId/housing-options/:optionId/reinstate': (f) => ({
    path: `/api/hubs/${f.hubId}/housing-options/00000000-0000-4000-8000-0000000000d1/reinstate`,
    body: { reason: 'matrix', on: '2026-01-05' },
  }),
  'POST /api/hubs/:hubId/housing-options/:optionId/ofsted-registration': (f) => ({
    path: `/api/hubs/${f.hubId}/housing-options/00000000-0000-4000-8000-0000000000d1/ofsted-registration`,
    body: { reference: 'M1', registeredOn: '2026-01-05' },
  }),
  'GET /api/hubs/:hubId/housing-watch': (f) => ({ path: `/api/hubs/${f.hubId}/housing-watch` }),
  'POST /api/young-people/:id/housing/moves': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/housing/moves`,
    body: { accommodation: 'with_family', on: '2026-01-05', reason: 'matrix', planned: true },
  }),
  'POST /api/young-people/:id/housing/plan': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/housing/plan`,
    body: { targetMoves: [{ to: 'Supported lodgings', by: '2099-01-01' }] },
  }),
  'POST /api/young-people/:id/tenancies': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/tenancies`,
    body: { landlordType: 'council', start: '2026-01-05', weeklyRent: 90, address: 'Matrix' },
  }),
  'POST /api/young-people/:id/tenancies/:tenancyId/concerns': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/tenancies/00000000-0000-4000-8000-0000000000d2/concerns`,
    body: { concern: 'sustainment', on: '2026-01-05', detail: 'matrix' },
  }),
  'POST /api/young-people/:id/tenancies/:tenancyId/resolve': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/tenancies/00000000-0000-4000-8000-0000000000d2/resolve`,
    body: { concern: 'sustainment', on: '2026-01-05', note: 'matrix' },
  }),
  'POST /api/young-people/:id/tenancies/:tenancyId/end': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/tenancies/00000000-0000-4000-8000-0000000000d2/end`,
    body: { on: '2026-01-05', reason: 'matrix', planned: true },
  }),
  'POST /api/young-people/:id/care-leaver-records': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/care-leaver-records`,
    body: { age: 21, inTouch: 'NO' },
  }),
  'GET /api/outcomes': () => ({ path: '/api/outcomes?from=2025-04-01&to=2026-03-31' }),
  'GET /api/outcomes/indicators.csv': () => ({
    path: '/api/outcomes/indicators.csv?from=2025-04-01&to=2026-03-31',
  }),
  'GET /api/young-people/:id/outcomes': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/outcomes`,
  }),
  'POST /api/young-people/:id/outcomes/justice': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/outcomes/justice`,
    body: { kind: 'arrest', on: '2026-01-10' },
  }),
  'POST /api/young-people/:id/outcomes/education': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/outcomes/education`,
    body: { status: 'education', from: '2026-01-10' },
  }),
  'POST /api/young-people/:id/outcomes/concerns': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/outcomes/concerns`,
    body: { kind: 'crisis', on: '2026-01-10' },
  }),
  'POST /api/young-people/:id/outcomes/concerns/:markerId/close': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/outcomes/concerns/00000000-0000-4000-8000-0000000000ee/close`,
    body: { on: '2026-01-11' },
  }),
  'POST /api/young-people/:id/outcomes/baseline': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/outcomes/baseline`,
    body: {
      missingEpisodes: 1,
      arrests: 0,
      placements: 1,
      residentialNights: 0,
      exclusions: 0,
      source: 'matrix',
    },
  }),
  'POST /api/young-people/:id/outcomes/family-group-conferences': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/outcomes/family-group-conferences`,
    body: { stage: 'planned', on: '2026-01-10' },
  }),
  'POST /api/young-people/:id/outcomes/family-group-conferences/:fgcId/stages': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/outcomes/family-group-conferences/00000000-0000-4000-8000-0000000000ee/stages`,
    body: { stage: 'held', on: '2026-01-10' },
  }),
  'GET /api/young-people/:id/housing': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/housing`,
  }),
  'GET /api/young-people/:id/housing/stability': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/housing/stability?from=2026-01-01&to=2026-02-01`,
  }),
  'GET /api/young-people/:id/as-of': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/as-of?asOf=2099-01-01T00:00:00Z`,
  }),
  'GET /api/young-people/:id/chronology': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/chronology`,
  }),
  'GET /api/young-people/:id/field-history': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/field-history?field=keyWorker`,
  }),
  'GET /api/young-people/:id/record': (f) => ({
    path: `/api/young-people/${f.youngPersonId}/record?format=json`,
  }),
  'GET /api/audit/retention': () => ({ path: '/api/audit/retention' }),
  'GET /api/audit/verifications/latest': () => ({ path: '/api/audit/verifications/latest' }),
  'GET /app': () => ({ path: '/app' }),
  'GET /app/hubs/:hubId/work': (f) => ({ path: `/app/hubs/${f.hubId}/work` }),
  'POST /app/young-people/:id/screening-notes': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/screening-notes`,
    body: { note: 'matrix' },
  }),
  'POST /app/young-people/:id/referrals/:referralId/duplicate': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/referrals/00000000-0000-4000-8000-0000000000ed/duplicate`,
    body: { decision: 'same' },
  }),
  'POST /app/young-people/:id/missing/:episodeId/interview': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/missing/00000000-0000-4000-8000-0000000000ec/interview`,
    body: {
      outcome: 'offered',
      'at-day': '1',
      'at-month': '2',
      'at-year': '2026',
      'at-time': '10:00',
    },
  }),
  'POST /app/young-people/:id/incidents': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/incidents`,
    body: {
      kind: 'other',
      summary: 'matrix',
      'occurredAt-day': '1',
      'occurredAt-month': '2',
      'occurredAt-year': '2026',
      'occurredAt-time': '10:00',
    },
  }),
  'POST /app/young-people/:id/incidents/:incidentId/notified': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/incidents/00000000-0000-4000-8000-0000000000eb/notified`,
    body: { recipient: 'ofsted', method: 'matrix', hubId: f.hubId },
  }),
  'POST /app/young-people/:id/close': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/close`,
    body: {},
  }),
  'POST /app/young-people/:id/corrections': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/corrections`,
    body: { socialWorkerTeam: 'Matrix team', reason: 'matrix' },
  }),
  'POST /app/young-people/:id/step-away': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/step-away`,
    body: { reason: 'matrix', 'on-day': '1', 'on-month': '1', 'on-year': '2026' },
  }),
  'POST /app/young-people/:id/reopen': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/reopen`,
    body: { reason: 'matrix' },
  }),
  'GET /app/young-people/:id/plan': (f) => ({ path: `/app/young-people/${f.youngPersonId}/plan` }),
  'POST /app/young-people/:id/plan/goals': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/plan/goals`,
    body: {
      area: 'safety',
      description: 'Matrix goal',
      'targetDate-day': '1',
      'targetDate-month': '1',
      'targetDate-year': '2030',
    },
  }),
  'POST /app/young-people/:id/plan/reviews': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/plan/reviews`,
    body: {
      kind: 'support',
      notes: 'Matrix review',
      'reviewedOn-day': '1',
      'reviewedOn-month': '1',
      'reviewedOn-year': '2026',
    },
  }),
  'GET /app/young-people/:id/team': (f) => ({ path: `/app/young-people/${f.youngPersonId}/team` }),
  'POST /app/young-people/:id/team': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/team`,
    body: {
      role: 'life_coach',
      who: 'other',
      name: 'Matrix Coach',
      'from-day': '1',
      'from-month': '1',
      'from-year': '2026',
    },
  }),
  'POST /app/young-people/:id/team/:memberId/end': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/team/${f.youngPersonId}/end`,
    body: { 'to-day': '1', 'to-month': '2', 'to-year': '2026', reason: 'matrix' },
  }),
  'GET /app/hubs/:hubId/young-people': (f) => ({
    path: `/app/hubs/${f.hubId}/young-people?status=referred&name=a`,
  }),
  'GET /app/hubs/:hubId/referrals': (f) => ({ path: `/app/hubs/${f.hubId}/referrals` }),
  'GET /app/young-people/:id': (f) => ({ path: `/app/young-people/${f.youngPersonId}` }),
  'POST /app/young-people/:id/accept': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/accept`,
    body: {},
  }),
  'POST /app/young-people/:id/decline': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/decline`,
    body: { reason: 'matrix' },
  }),
  'POST /app/young-people/:id/key-worker': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/key-worker`,
    body: { workerId: 'kw-web', workerName: 'Web Worker', override: 'true', overrideReason: 'm' },
  }),
  'GET /app/hubs/:hubId/beds': (f) => ({ path: `/app/hubs/${f.hubId}/beds` }),
  'GET /app/hubs/:hubId/beds/:bedId/admit': (f) => ({
    path: `/app/hubs/${f.hubId}/beds/planned-1/admit`,
  }),
  'POST /app/hubs/:hubId/beds/:bedId/admit': (f) => ({
    path: `/app/hubs/${f.hubId}/beds/planned-1/admit`,
    body: {
      youngPersonId: f.youngPersonId,
      'from-day': '1',
      'from-month': '2',
      'from-year': '2026',
    },
  }),
  'GET /app/hubs/:hubId/beds/:bedId/discharge': (f) => ({
    path: `/app/hubs/${f.hubId}/beds/planned-1/discharge`,
  }),
  'POST /app/hubs/:hubId/beds/:bedId/discharge': (f) => ({
    path: `/app/hubs/${f.hubId}/beds/planned-1/discharge`,
    body: { destination: 'elsewhere', reason: 'matrix' },
  }),
  'POST /app/hubs/:hubId/beds/:bedId/out-of-use': (f) => ({
    path: `/app/hubs/${f.hubId}/beds/emergency-1/out-of-use`,
    body: { reason: 'matrix', 'from-day': '1', 'from-month': '2', 'from-year': '2026' },
  }),
  'POST /app/hubs/:hubId/beds/:bedId/back-in-use': (f) => ({
    path: `/app/hubs/${f.hubId}/beds/emergency-1/back-in-use`,
    body: { 'on-day': '2', 'on-month': '2', 'on-year': '2026' },
  }),
  'GET /app/hubs/:hubId/new-referral': (f) => ({ path: `/app/hubs/${f.hubId}/new-referral` }),
  'GET /app/hubs/:hubId/new-referral/check': (f) => ({
    path: `/app/hubs/${f.hubId}/new-referral/check`,
  }),
  'POST /app/hubs/:hubId/new-referral': (f) => ({
    path: `/app/hubs/${f.hubId}/new-referral`,
    body: {
      'youngPerson.givenName': `Pag${++people}`,
      'youngPerson.familyName': 'Rix',
      'youngPerson.dateOfBirth-day': '6',
      'youngPerson.dateOfBirth-month': '6',
      'youngPerson.dateOfBirth-year': '2006',
      category: 'edge_of_care',
      'socialWorker.name': 'S W',
      'socialWorker.team': 'T',
      reason: 'matrix',
    },
  }),
  'POST /app/hubs/:hubId/families': (f) => ({
    path: `/app/hubs/${f.hubId}/families`,
    body: {
      name: 'Matrix Family',
      capacity: '1',
      'ageRange.min': '12',
      'ageRange.max': '17',
      'approvedOn-day': '1',
      'approvedOn-month': '1',
      'approvedOn-year': '2026',
    },
  }),
  'GET /app/hubs/:hubId/families/:familyId': (f) => ({
    path: `/app/hubs/${f.hubId}/families/00000000-0000-4000-8000-0000000000ee`,
  }),
  'POST /app/hubs/:hubId/families/:familyId/placements': (f) => ({
    path: `/app/hubs/${f.hubId}/families/00000000-0000-4000-8000-0000000000ee/placements`,
    body: {
      youngPersonId: f.youngPersonId,
      'from-day': '1',
      'from-month': '2',
      'from-year': '2026',
    },
  }),
  'POST /app/hubs/:hubId/families/:familyId/placements/:youngPersonId/end': (f) => ({
    path: `/app/hubs/${f.hubId}/families/00000000-0000-4000-8000-0000000000ee/placements/${f.youngPersonId}/end`,
    body: { reason: 'matrix', 'on-day': '1', 'on-month': '3', 'on-year': '2026' },
  }),
  'POST /app/hubs/:hubId/families/:familyId/placements/:youngPersonId/legal-status': (f) => ({
    path: `/app/hubs/${f.hubId}/families/00000000-0000-4000-8000-0000000000ee/placements/${f.youngPersonId}/legal-status`,
    body: { ls: 'C1', 'on-day': '1', 'on-month': '3', 'on-year': '2026' },
  }),
  'GET /app/outcomes': () => ({ path: '/app/outcomes?year=2025-26' }),
  'GET /app/outcomes/evaluation': () => ({ path: '/app/outcomes/evaluation?year=2025-26' }),
  'GET /app/outcomes/evaluation/extract.csv': () => ({
    path: '/app/outcomes/evaluation/extract.csv?year=2025-26',
  }),
  'GET /app/outcomes/evaluation/dictionary.csv': () => ({
    path: '/app/outcomes/evaluation/dictionary.csv',
  }),
  'GET /app/outcomes/indicators.csv': () => ({ path: '/app/outcomes/indicators.csv?year=2025-26' }),
  'GET /app/young-people/:id/outcomes': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/outcomes`,
  }),
  'POST /app/young-people/:id/outcomes/justice': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/outcomes/justice`,
    body: { kind: 'arrest', 'on-day': '10', 'on-month': '1', 'on-year': '2026' },
  }),
  'POST /app/young-people/:id/outcomes/education': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/outcomes/education`,
    body: { status: 'education', 'from-day': '10', 'from-month': '1', 'from-year': '2026' },
  }),
  'POST /app/young-people/:id/outcomes/concerns': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/outcomes/concerns`,
    body: { kind: 'crisis', 'on-day': '10', 'on-month': '1', 'on-year': '2026' },
  }),
  'POST /app/young-people/:id/outcomes/concerns/:markerId/close': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/outcomes/concerns/00000000-0000-4000-8000-0000000000ee/close`,
    body: { 'on-day': '11', 'on-month': '1', 'on-year': '2026' },
  }),
  'POST /app/young-people/:id/outcomes/baseline': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/outcomes/baseline`,
    body: {
      missingEpisodes: '1',
      arrests: '0',
      placements: '1',
      residentialNights: '0',
      exclusions: '0',
      source: 'matrix',
    },
  }),
  'POST /app/young-people/:id/outcomes/family-group-conferences': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/outcomes/family-group-conferences`,
    body: { 'on-day': '10', 'on-month': '1', 'on-year': '2026' },
  }),
  'POST /app/young-people/:id/outcomes/family-group-conferences/:fgcId/stages': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/outcomes/family-group-conferences/00000000-0000-4000-8000-0000000000ee/stages`,
    body: { stage: 'held', 'on-day': '10', 'on-month': '1', 'on-year': '2026' },
  }),
  'GET /app/young-people/:id/housing': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/housing`,
  }),
  'POST /app/young-people/:id/housing/moves': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/housing/moves`,
    body: {
      where: 'other',
      accommodation: 'with_family',
      reason: 'matrix',
      planned: 'true',
      'on-day': '1',
      'on-month': '2',
      'on-year': '2026',
    },
  }),
  'POST /app/young-people/:id/tenancies': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/tenancies`,
    body: {
      landlordType: 'council',
      weeklyRent: '90',
      address: '1 Example Road',
      'start-day': '1',
      'start-month': '2',
      'start-year': '2026',
    },
  }),
  'POST /app/young-people/:id/tenancies/:tenancyId/end': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/tenancies/00000000-0000-4000-8000-0000000000ea/end`,
    body: { reason: 'matrix', planned: 'true', 'on-day': '1', 'on-month': '3', 'on-year': '2026' },
  }),
  'POST /app/young-people/:id/housing/plan': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/housing/plan`,
    body: { 'to-0': 'Supported lodgings', 'by-0-day': '1', 'by-0-month': '9', 'by-0-year': '2027' },
  }),
  'POST /app/young-people/:id/tenancies/:tenancyId/concerns': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/tenancies/00000000-0000-4000-8000-0000000000ea/concerns`,
    body: {
      concern: 'arrears',
      detail: 'matrix',
      'on-day': '1',
      'on-month': '3',
      'on-year': '2026',
    },
  }),
  'POST /app/young-people/:id/tenancies/:tenancyId/resolve': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/tenancies/00000000-0000-4000-8000-0000000000ea/resolve`,
    body: { concern: 'arrears', note: 'matrix', 'on-day': '1', 'on-month': '3', 'on-year': '2026' },
  }),
  'POST /app/young-people/:id/care-leaver-records': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/care-leaver-records`,
    body: { age: '18', inTouch: 'YES', activ: 'F2', accom: 'E1' },
  }),
  'GET /app/hubs/:hubId/housing': (f) => ({ path: `/app/hubs/${f.hubId}/housing` }),
  'POST /app/hubs/:hubId/housing': (f) => ({
    path: `/app/hubs/${f.hubId}/housing`,
    body: {
      kind: 'training_flat',
      name: 'Matrix Flat',
      capacity: '1',
      'ageRange.min': '16',
      'ageRange.max': '21',
    },
  }),
  'POST /app/hubs/:hubId/housing/:optionId/suspend': (f) => ({
    path: `/app/hubs/${f.hubId}/housing/00000000-0000-4000-8000-0000000000e9/suspend`,
    body: { reason: 'matrix', 'on-day': '1', 'on-month': '3', 'on-year': '2026' },
  }),
  'POST /app/hubs/:hubId/housing/:optionId/ofsted-registration': (f) => ({
    path: `/app/hubs/${f.hubId}/housing/00000000-0000-4000-8000-0000000000e9/ofsted-registration`,
    body: {
      reference: '2099999',
      'registeredOn-day': '1',
      'registeredOn-month': '3',
      'registeredOn-year': '2026',
    },
  }),
  'GET /app/hubs/:hubId/beds/:bedId/move': (f) => ({
    path: `/app/hubs/${f.hubId}/beds/planned-1/move`,
  }),
  'POST /app/hubs/:hubId/beds/:bedId/move': (f) => ({
    path: `/app/hubs/${f.hubId}/beds/planned-1/move`,
    body: {
      toBedId: 'planned-2',
      reason: 'matrix',
      'on-day': '1',
      'on-month': '3',
      'on-year': '2026',
    },
  }),
  'POST /app/hubs/:hubId/stay-threshold': (f) => ({
    path: `/app/hubs/${f.hubId}/stay-threshold`,
    body: { weeks: '12' },
  }),
  'GET /app/young-people/:id/contacts/:contactId/correct': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/contacts/00000000-0000-4000-8000-0000000000c1/correct`,
  }),
  'POST /app/young-people/:id/contacts/:contactId/correct': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/contacts/00000000-0000-4000-8000-0000000000c1/correct`,
    body: { kind: 'phone', notes: 'matrix', reason: 'matrix', version: '0' },
  }),
  'GET /app/young-people': () => ({ path: '/app/young-people?name=a' }),
  'GET /app/my-day': () => ({ path: '/app/my-day' }),
  'GET /app/outbox': () => ({ path: '/app/outbox' }),
  'GET /app/hubs/:hubId/staff': (f) => ({ path: `/app/hubs/${f.hubId}/staff` }),
  'POST /app/hubs/:hubId/staff': (f, user) => ({
    path: `/app/hubs/${f.hubId}/staff`,
    body: {
      name: 'Matrix Staff',
      role: 'outreach_worker',
      signIn: `matrix-page-${user}-${++people}`,
      'from-day': '5',
      'from-month': '1',
      'from-year': '2026',
    },
  }),
  'POST /app/hubs/:hubId/staff/:staffId/end': (f) => ({
    path: `/app/hubs/${f.hubId}/staff/00000000-0000-4000-8000-0000000000ef/end`,
    body: { reason: 'matrix', 'on-day': '1', 'on-month': '2', 'on-year': '2026' },
  }),
  'GET /app/hubs/:hubId/missing': (f) => ({ path: `/app/hubs/${f.hubId}/missing` }),
  'GET /app/caseload': () => ({ path: '/app/caseload' }),
  'GET /app/young-people/:id/timeline': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/timeline`,
  }),
  'GET /app/young-people/:id/contacts/new': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/contacts/new`,
  }),
  'POST /app/young-people/:id/contacts': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/contacts`,
    body: { occurredAt: '2026-01-05T10:00', kind: 'phone', notes: 'matrix' },
  }),
  'GET /app/young-people/:id/chronology': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/chronology`,
  }),
  'GET /app/audit': () => ({ path: '/app/audit' }),
  'GET /app/young-people/:id/missing': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/missing`,
  }),
  'POST /app/young-people/:id/missing': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/missing`,
    body: {
      category: 'M',
      startedAt: '2026-01-05T10:00',
      policeInformed: 'false',
      circumstances: 'm',
    },
  }),
  'POST /app/young-people/:id/missing/:episodeId/updates': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/missing/00000000-0000-4000-8000-0000000000ab/updates`,
    body: { note: 'matrix' },
  }),
  'POST /app/young-people/:id/missing/:episodeId/return': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/missing/00000000-0000-4000-8000-0000000000c9/return`,
    body: { returnedAt: '2026-01-06T10:00', whereFound: 'm' },
  }),
  'GET /app/young-people/:id/field-history': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/field-history`,
  }),
  'GET /app/young-people/:id/compare': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/compare`,
  }),
  'GET /app/reason': () => ({ path: '/app/reason' }),
  'POST /app/reason': () => ({
    path: '/app/reason',
    body: { reason: 'matrix check', returnTo: '/app' },
  }),
  'GET /app/young-people/:id/record': (f) => ({
    path: `/app/young-people/${f.youngPersonId}/record`,
  }),
  'GET /api/outreach/workers/:workerId/day': (f) => ({
    path: `/api/outreach/workers/${f.workerId}/day?date=2026-01-05`,
  }),
};
