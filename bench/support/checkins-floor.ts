/**
 * The framework floor for `npm run bench:checkins`: a bare botbuilder CloudAdapter on express
 * (JSON body, no auth: empty app id, as Belong runs locally) whose bot answers every
 * `adaptiveCard/action` invoke with one fixed card. Nothing else: no storage, no directory, no
 * helmet. Belong's answer path can only be slower than this. Env: PORT.
 * Compiled by bench/support/tsconfig.checkins.json and started by bench/checkins.ts.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  TeamsActivityHandler,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import express from 'express';

const card = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'How do you feel today?', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: 'You chose 🙂 Good.', wrap: true },
  ],
  actions: [{ type: 'Action.Execute', title: 'Change', verb: 'checkin.change', data: {} }],
};

class FixedCardBot extends TeamsActivityHandler {
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
    };
  }
}

const settings = {
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppTenantId: '',
  MicrosoftAppType: 'MultiTenant',
};
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication(
    settings,
    new ConfigurationServiceClientCredentialFactory(settings),
  ),
);
const bot = new FixedCardBot();
const app = express();
app.disable('x-powered-by');
app.get('/health', (_req, res) => {
  res.json({ ok: true });
});
app.post('/api/messages', express.json({ limit: '100kb' }), (req, res, next) => {
  adapter.process(req, res, (context) => bot.run(context)).catch(next);
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
