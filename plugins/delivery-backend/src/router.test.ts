import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import express from 'express';
import request from 'supertest';
import { createRouter } from './router';

const prod: Environment = {
  name: 'prod',
  title: 'Production',
  production: true,
  promotion: {
    requiredApprovals: 1,
    approvers: ['owner'],
    allowSelfApproval: false,
    minimumSoakSeconds: 0,
  },
  freezeWindows: [],
  executor: { type: 'github-pr', repository: 'acme/gitops', autoMerge: true },
};

describe('createRouter', () => {
  let app: express.Express;

  beforeEach(async () => {
    // Only the routes that need no store are exercised here; the others
    // are tested through the whole plugin in plugin.test.ts.
    const unused = {} as any;
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      auditor: mockServices.auditor.mock(),
      environments: [prod],
      ingestion: unused,
      deployments: unused,
      environmentStatus: unused,
      domainMatrix: unused,
      dora: unused,
      incidents: unused,
      pipelineHealth: unused,
    });
    app = express().use(router).use(mockErrorHandler());
  });

  it('answers the health check without credentials, and with any', async () => {
    for (const authorization of [
      undefined,
      mockCredentials.none.header(),
      mockCredentials.user.header(),
      mockCredentials.service.header(),
    ]) {
      const get = request(app).get('/health');
      const response = await (authorization
        ? get.set('Authorization', authorization)
        : get);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
    }
  });

  it('refuses unauthenticated callers of the API', async () => {
    const response = await request(app)
      .get('/environments')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      error: { name: 'AuthenticationError' },
    });
  });

  it('lists environments without their executor options', async () => {
    const response = await request(app).get('/environments');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [{ ...prod, executor: { type: 'github-pr' } }],
    });
  });
});
