import { create } from 'zustand';
import type { SignedInUser } from './sign-in';

/**
 * UI and session state only; everything about stock lives in RxDB. The signed-in person, whether
 * the screen is locked, and who signed in recently on this PC (for fast switching).
 */
export interface SessionState {
  user?: SignedInUser;
  locked: boolean;
  recent: SignedInUser[];
  /**
   * This sign-in is a different person from the one before on this PC (a switch at the lock):
   * they start on their home screen, never on the screen the previous person left. The same
   * person unlocking goes back to their screen; the first sign-in after start keeps the address.
   */
  switched: boolean;
  signIn(user: SignedInUser): void;
  lock(): void;
  signOut(): void;
}

export const useSession = create<SessionState>((set) => ({
  locked: false,
  recent: [],
  switched: false,
  signIn: (user) =>
    set((state) => ({
      user,
      locked: false,
      switched: state.recent[0] !== undefined && state.recent[0].id !== user.id,
      recent: [user, ...state.recent.filter((r) => r.id !== user.id)].slice(0, 6),
    })),
  lock: () => set((state) => (state.user ? { locked: true } : {})),
  signOut: () => set({ user: undefined, locked: false }),
}));
