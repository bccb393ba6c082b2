import { useCallback, useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  configApiRef,
  IdentityApi,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DemoPersonaIdentity } from './DemoPersonaIdentity';
import {
  DEMO_AUTH_PROVIDER_ID,
  DEMO_PERSONA_HEADER,
  DemoPersona,
  demoPersonaChoices,
  forgetPersona,
  readChosenPersona,
  rememberPersona,
} from './demoPersonas';

function DemoSignInLayout(props: { children: React.ReactNode }) {
  const configApi = useApi(configApiRef);
  return (
    <Page themeId="home">
      <Header
        title={configApi.getOptionalString('app.title') ?? 'Backstage'}
        subtitle="Demo sign-in"
      />
      <Content>{props.children}</Content>
    </Page>
  );
}

function PersonaChoice(props: { onChoose(persona: DemoPersona): void }) {
  return (
    <DemoSignInLayout>
      <Typography variant="body1" paragraph>
        Choose who you want to be in this demo. Anyone can pick either persona,
        which is why this sign-in only works in development.
      </Typography>
      <Grid container spacing={2}>
        {demoPersonaChoices.map(choice => (
          <Grid item xs={12} md={6} lg={4} key={choice.persona}>
            <InfoCard
              title={choice.title}
              subheader={`Member of ${choice.memberOf}`}
              variant="fullHeight"
              actions={
                <Button
                  color="primary"
                  variant="contained"
                  onClick={() => props.onChoose(choice.persona)}
                >
                  {choice.buttonLabel}
                </Button>
              }
            >
              <Typography variant="body1">{choice.description}</Typography>
            </InfoCard>
          </Grid>
        ))}
      </Grid>
    </DemoSignInLayout>
  );
}

// The backend's own message (e.g. that the persona's user is not in the catalog yet) is the
// cause of the response error; show it rather than just the status code.
function reasonOf(error: Error): string {
  return error.cause instanceof Error ? error.cause.message : error.message;
}

function SignInFailed(props: {
  persona?: DemoPersona;
  error?: Error;
  onChooseAgain(): void;
}) {
  const error = props.error ?? new Error('Sign-in failed');
  return (
    <DemoSignInLayout>
      <Typography variant="body1" paragraph>
        {reasonOf(error)}
      </Typography>
      <ResponseErrorPanel
        title={`Could not sign in as ${props.persona ?? 'a demo persona'}`}
        error={error}
      />
      <Button
        color="primary"
        variant="outlined"
        onClick={props.onChooseAgain}
        style={{ marginTop: 16 }}
      >
        Choose a persona again
      </Button>
    </DemoSignInLayout>
  );
}

/**
 * Lets a visitor of the demo portal sign in as an engineer or a platform admin, through the
 * backend's `demo` proxy provider. The choice is remembered, so a reload signs the same persona
 * in again; signing out forgets it.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const { onSignInSuccess } = props;
  const [persona, setPersona] = useState(readChosenPersona);

  const choose = useCallback((chosen: DemoPersona) => {
    rememberPersona(chosen);
    setPersona(chosen);
  }, []);

  const chooseAgain = useCallback(() => {
    forgetPersona();
    setPersona(undefined);
  }, []);

  const handleSignInSuccess = useCallback(
    (identity: IdentityApi) =>
      onSignInSuccess(new DemoPersonaIdentity(identity)),
    [onSignInSuccess],
  );

  const ErrorComponent = useCallback(
    ({ error }: { error?: Error }) => (
      <SignInFailed
        persona={persona}
        error={error}
        onChooseAgain={chooseAgain}
      />
    ),
    [persona, chooseAgain],
  );

  if (!persona) {
    return <PersonaChoice onChoose={choose} />;
  }

  return (
    <ProxiedSignInPage
      key={persona}
      provider={DEMO_AUTH_PROVIDER_ID}
      headers={{ [DEMO_PERSONA_HEADER]: persona }}
      onSignInSuccess={handleSignInSuccess}
      ErrorComponent={ErrorComponent}
    />
  );
}
