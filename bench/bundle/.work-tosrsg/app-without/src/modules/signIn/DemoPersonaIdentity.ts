import { IdentityApi } from '@backstage/frontend-plugin-api';
import { forgetPersona } from './demoPersonas';

/**
 * The signed-in persona's identity; signing out also forgets the persona, so that the app
 * returns to the choice of persona instead of signing the same one in again.
 */
export class DemoPersonaIdentity implements IdentityApi {
  readonly #identity: IdentityApi;

  constructor(identity: IdentityApi) {
    this.#identity = identity;
  }

  getProfileInfo() {
    return this.#identity.getProfileInfo();
  }

  getBackstageIdentity() {
    return this.#identity.getBackstageIdentity();
  }

  getCredentials() {
    return this.#identity.getCredentials();
  }

  async signOut() {
    forgetPersona();
    await this.#identity.signOut();
  }
}
