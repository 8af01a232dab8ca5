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
  signIn(user: SignedInUser): void;
  lock(): void;
  signOut(): void;
}

export const useSession = create<SessionState>((set) => ({
  locked: false,
  recent: [],
  signIn: (user) =>
    set((state) => ({
      user,
      locked: false,
      recent: [user, ...state.recent.filter((r) => r.id !== user.id)].slice(0, 6),
    })),
  lock: () => set((state) => (state.user ? { locked: true } : {})),
  signOut: () => set({ user: undefined, locked: false }),
}));
