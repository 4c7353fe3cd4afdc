import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, type NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthCheckIn } from './synth.ts';

let synth: Synthesized;

// cdk-nag reads the construct tree, not the bundled code, so esbuild is skipped here.
beforeAll(() => {
  synth = synthCheckIn({ bundle: false });
});

function findings(pack: NagPack): string[] {
  const report = pack.validateScope(synth.app);
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}: ${v.description}`),
  );
}

function acknowledgments(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe('cdk-nag', () => {
  it('finds no unacknowledged error or warning in the AWS Solutions pack', () => {
    // Prepare / Act
    const found = findings(new AwsSolutionsChecks());

    // Assess
    expect(found).toEqual([]);
  });

  it('finds no unacknowledged error or warning in the HIPAA Security pack', () => {
    const found = findings(new HIPAASecurityChecks());

    expect(found).toEqual([]);
  });

  it('records a reason with every acknowledged finding', () => {
    const acks = acknowledgments(synth.app);

    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(60);
    }
  });

  it('does not acknowledge away the wildcard-permission rule', () => {
    const ids = acknowledgments(synth.app).map((ack) => ack.id);

    expect(ids.filter((id) => id.includes('IAM5') || id.includes('IAM4'))).toEqual([]);
  });
});
