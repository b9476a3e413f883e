import { defineAdapter, type Adapter } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { createXSimulator } from '../x/index.js';
import { runConformanceChecks, type ConformanceResult } from './index.js';
import { createReferenceXAdapter } from './__tests__/reference-x-adapter.js';
import { referenceXConnect } from './__tests__/reference-x-connect.js';

const connectResults = (results: ConformanceResult[]) => results.filter((result) => result.name.startsWith('connect:'));

async function run(createAdapter: (sim: ReturnType<typeof createXSimulator>) => Adapter) {
  return connectResults(
    await runConformanceChecks({ name: 'connect self-test', simulator: (clock) => createXSimulator({ clock, seed: 3 }), createAdapter }),
  );
}

function withConnect(baseUrl: string, options: { listNothing?: boolean; dropSavedCredentials?: boolean } = {}): Adapter {
  const { specificationVersion: _version, ...reference } = createReferenceXAdapter({ baseUrl });
  return defineAdapter({
    ...reference,
    connect: referenceXConnect(baseUrl, options),
    credentials: options.dropSavedCredentials
      ? {
          ...reference.credentials,
          createProvider: (input) => reference.credentials.createProvider({ ...input, saveCredentials: async () => {} }),
        }
      : reference.credentials,
  });
}

describe('the connect checks of the conformance suite', () => {
  it('pass a correct OAuth connect flow: all four run and pass', async () => {
    const results = await run((sim) => withConnect(sim.baseUrl));
    expect(results.map((result) => [result.status, result.message])).toEqual([
      ['passed', undefined],
      ['passed', undefined],
      ['passed', undefined],
      ['passed', undefined],
    ]);
  });

  it('skip, with the reason, for an adapter without a connect flow', async () => {
    const results = await run((sim) => createReferenceXAdapter({ baseUrl: sim.baseUrl }));
    expect(results).toHaveLength(4);
    for (const result of results) {
      expect(result.status).toBe('skipped');
      expect(result.message).toContain('no OAuth 2.0 connect flow');
    }
  });

  it('fail an adapter that lists no account behind the login', async () => {
    const results = await run((sim) => withConnect(sim.baseUrl, { listNothing: true }));
    const listing = results.find((result) => result.name.includes('lists at least one account'))!;
    expect(listing.status).toBe('failed');
    expect(listing.message).toContain('listAccounts returned no account');
  });

  it('fail an adapter whose refresh never reaches onCredentialsChange', async () => {
    const results = await run((sim) => withConnect(sim.baseUrl, { dropSavedCredentials: true }));
    const rotation = results.find((result) => result.name.includes('rotated refresh token'))!;
    expect(rotation.status).toBe('failed');
    expect(rotation.message).toContain('onCredentialsChange received nothing');
  });
});
