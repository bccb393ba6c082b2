/** The auth provider id of the backend's demo persona module (packages/backend). */
export const DEMO_AUTH_PROVIDER_ID = 'demo';

/** The request header in which the backend expects the chosen persona. */
export const DEMO_PERSONA_HEADER = 'x-demo-persona';

/** The id of a demo persona, as the backend's demo auth provider knows it. */
export type DemoPersona = 'engineer' | 'platform-admin';

/** How the sign-in page presents a persona. */
export type DemoPersonaChoice = {
  persona: DemoPersona;
  title: string;
  buttonLabel: string;
  description: string;
  memberOf: string;
};

/** The personas offered on the sign-in page, in the order shown. */
export const demoPersonaChoices: ReadonlyArray<DemoPersonaChoice> = [
  {
    persona: 'engineer',
    title: 'Engineer',
    buttonLabel: 'Sign in as engineer',
    memberOf: 'team-smart-city',
    description:
      'Member of team-smart-city. Can promote versions to non-production environments and request production promotions.',
  },
  {
    persona: 'platform-admin',
    title: 'Platform admin',
    buttonLabel: 'Sign in as platform admin',
    memberOf: 'platform-admins',
    description:
      'Member of platform-admins. Approves or rejects production promotions.',
  },
];

// Remembered so that a page reload signs the same persona in again.
const PERSONA_STORAGE_KEY = '@internal/app:demo-sign-in:persona';

function isDemoPersona(value: string | null): value is DemoPersona {
  return demoPersonaChoices.some(choice => choice.persona === value);
}

/** The persona chosen earlier in this browser, if any. */
export function readChosenPersona(): DemoPersona | undefined {
  const stored = localStorage.getItem(PERSONA_STORAGE_KEY);
  return isDemoPersona(stored) ? stored : undefined;
}

/** Remembers the chosen persona for later page loads. */
export function rememberPersona(persona: DemoPersona): void {
  localStorage.setItem(PERSONA_STORAGE_KEY, persona);
}

/** Forgets the chosen persona, so the next page load offers the choice again. */
export function forgetPersona(): void {
  localStorage.removeItem(PERSONA_STORAGE_KEY);
}
