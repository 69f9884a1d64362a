// The OpenAPI document passes Redocly's recommended rules (issue 12): built in-process, linted as served.
import { BaseResolver, createConfig, lintDocument, Source } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

async function lintOpenApiDocument() {
  const parsed = buildOpenApiDocument();
  const config = await createConfig({
    extends: ['recommended'],
    // Clients and the fuzz suite name operations by id: a missing one is an error, not a warning.
    rules: { 'operation-operationId': 'error' },
  });
  return lintDocument({
    document: { source: new Source('/api/openapi.json', JSON.stringify(parsed)), parsed },
    config,
    externalRefResolver: new BaseResolver(),
  });
}

const describeProblem = (p: Awaited<ReturnType<typeof lintOpenApiDocument>>[number]) =>
  `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`;

describe('OpenAPI lint', () => {
  it('when the document is linted with the recommended rules, then it has no errors', async () => {
    const problems = await lintOpenApiDocument();
    const warnings = problems.filter((p) => p.severity !== 'error');
    if (warnings.length) console.info(`OpenAPI lint warnings:\n${warnings.map(describeProblem).join('\n')}`);
    expect(problems.filter((p) => p.severity === 'error').map(describeProblem)).toEqual([]);
  });
});
