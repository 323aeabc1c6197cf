import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001_initial.ts';
import * as outboxDelivery from './migrations/0002_outbox_delivery.ts';
import * as outboxWithdrawn from './migrations/0003_outbox_withdrawn.ts';
import * as listAtScale from './migrations/0004_list_at_scale.ts';
import * as signInBrake from './migrations/0005_sign_in_brake.ts';
import * as auditOrder from './migrations/0006_audit_order.ts';
import * as accountsProfile from './migrations/0007_accounts_profile.ts';
import * as hostIntegration from './migrations/0008_host_integration.ts';
import * as coveringSortIndexes from './migrations/0009_covering_sort_indexes.ts';
import * as shortSearchTerms from './migrations/0010_short_search_terms.ts';
import * as planForLargeAccounts from './migrations/0011_plan_for_large_accounts.ts';
import * as inviteePrivacy from './migrations/0012_invitee_privacy.ts';
import * as keptGroupCounts from './migrations/0013_kept_group_counts.ts';
import * as pastMembersSeenAgain from './migrations/0014_past_members_seen_again.ts';

/** Listed here, not read from disk, so migrations travel inside any bundle of the BFF. */
const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_outbox_delivery': outboxDelivery,
  '0003_outbox_withdrawn': outboxWithdrawn,
  '0004_list_at_scale': listAtScale,
  '0005_sign_in_brake': signInBrake,
  '0006_audit_order': auditOrder,
  '0007_accounts_profile': accountsProfile,
  '0008_host_integration': hostIntegration,
  '0009_covering_sort_indexes': coveringSortIndexes,
  '0010_short_search_terms': shortSearchTerms,
  '0011_plan_for_large_accounts': planForLargeAccounts,
  '0012_invitee_privacy': inviteePrivacy,
  '0013_kept_group_counts': keptGroupCounts,
  '0014_past_members_seen_again': pastMembersSeenAgain,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? error}`);
  }
}
