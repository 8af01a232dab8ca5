import type { User } from '../../../shared/model';
import { SAMPLE_DOCUMENTS } from '../../fixtures/model/sample-documents';
import { BENCH_PEOPLE, benchPersonId } from './stock-ledger';

/**
 * The people the generated ledger names at one facility, as the ERP would set them up at the
 * centre: supervisors, who may take every act the ledger holds and confirm each other's counts.
 */
export function benchStaff(facilityId: string): User[] {
  return Array.from({ length: BENCH_PEOPLE }, (_, n) => ({
    ...SAMPLE_DOCUMENTS.users,
    id: benchPersonId(facilityId, n),
    name: `Bench person ${n} of ${facilityId}`,
    role: 'supervisor' as const,
    facilityIds: [facilityId],
  }));
}
