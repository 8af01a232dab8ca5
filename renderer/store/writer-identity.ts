import type { User } from '../../shared/model';
import { checkMember, type Person } from '../../shared/permissions';
import { verifyStepUp, type StepUpProof } from '../session/step-up';
import type { StockroomDatabase } from './collections';

export type WriterProblem = { code: string; message: string; severity: 'error' | 'warning' };

export type Identities =
  | { ok: true; actor: Person; second: Person | undefined }
  | { ok: false; problems: WriterProblem[] };

const refused = (code: string, message: string): Identities => ({
  ok: false,
  problems: [{ code, message, severity: 'error' }],
});

/**
 * Who is writing, as the local users say, not as a screen says: the signed-in person must be an
 * active user of this facility, and a second person is taken only with their badge and PIN,
 * verified here in the same act.
 */
export async function writerIdentities(
  db: StockroomDatabase,
  facilityId: string,
  actorId: string,
  stepUp: StepUpProof | undefined,
  /** Where and when, so a step-up's wrong PINs count towards the person's lockout. */
  at?: { deviceId: string; now: Date },
): Promise<Identities> {
  const record = await db.users.findOne(actorId).exec();
  const actor = checkMember(actorId, record?.toMutableJSON(), facilityId, 'actor');
  if (!actor.ok) return refused(actor.error.code, actor.error.message);
  if (!stepUp) return { ok: true, actor: actor.person, second: undefined };
  const users: User[] = (await db.users.find().exec()).map((d) => d.toMutableJSON());
  const second = await verifyStepUp(
    users,
    stepUp,
    facilityId,
    at ? { db, place: { facilityId, deviceId: at.deviceId }, now: at.now } : undefined,
  );
  if (!second.ok) return refused(second.error.code, second.error.message);
  return { ok: true, actor: actor.person, second: second.person };
}
