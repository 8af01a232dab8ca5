import type { Role } from '../../shared/model';

/** Demo sign-ins, listed in the README under "Demo users". Never used once a centre is configured. */
export interface DemoPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
  badge: string;
  pin: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    id: 'USR-TESS',
    name: 'Tess Tran',
    email: 'tess.tran@demo.example',
    role: 'tech',
    badge: 'SRB-100101',
    pin: '111111',
  },
  {
    id: 'USR-PRIYA',
    name: 'Priya Shah',
    email: 'priya.shah@demo.example',
    role: 'tech',
    badge: 'SRB-100102',
    pin: '121212',
  },
  {
    id: 'USR-NOAH',
    name: 'Noah Mensah',
    email: 'noah.mensah@demo.example',
    role: 'nurse-manager',
    badge: 'SRB-200202',
    pin: '222222',
  },
  {
    id: 'USR-SAM',
    name: 'Sam Ortiz',
    email: 'sam.ortiz@demo.example',
    role: 'supervisor',
    badge: 'SRB-300303',
    pin: '333333',
  },
  {
    id: 'USR-ALEX',
    name: 'Alex Kim',
    email: 'alex.kim@demo.example',
    role: 'admin',
    badge: 'SRB-400404',
    pin: '444444',
  },
];
