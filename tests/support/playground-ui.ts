/**
 * Page object over the Agents Playground web UI (v0.2.28), driven by playwright-core.
 *
 * The UI always acts as the config's `currentUser`; there is no user picker. `switchUser` rewrites
 * `from.id` in the browser's own calls to `/_conversation/v1/...`: the Playground honours it for
 * card actions (`adaptiveCard/action` invokes, submits) by any member of the team or group chat,
 * but NOT for typed messages, which always come from currentUser. To send a message as another
 * user use `playgroundApi.sendActivity` (tests/support/playground.ts); to own a personal chat as
 * someone else start a Playground with `currentUser`.
 */
import type { Locator, Page, Route } from 'playwright-core';

/** Every selector the tests rely on, in one place. */
export const selectors = {
  /** Sidebar entries (role treeitem): "Personal Chat", the group chat name, "<Team> - <Channel>". */
  conversation: (name: string) => ({ role: 'treeitem' as const, name }),
  /** Lexical compose box; the first one is the chat box or, in a channel, "Start a new post". */
  composeBox: '[data-lexical-editor="true"]',
  /** Item in the @mention typeahead that opens after typing "@" + a prefix. */
  mentionItem: (name: string) => ({ role: 'menuitem' as const, name }),
  /** An Adaptive Card rendered by adaptivecards (class names from the adaptivecards renderer). */
  adaptiveCard: '.ac-adaptiveCard',
  /** Text of bot messages (and card TextBlocks) renders in <p>; the user's own text is a <span>. */
  messageParagraph: 'p',
  /** Card action buttons are role button with the action title as accessible name. */
  cardAction: (title: string) => ({ role: 'button' as const, name: title }),
  /** Banner the Playground shows on a card after an Action.Execute round trip. */
  invokeNotice: '[aria-label="Display Invoked Message"]',
} as const;

interface PlaygroundUser {
  id: string;
  name: string;
}

export class PlaygroundUi {
  private actAs: string | undefined;
  private routeInstalled = false;
  private baseUrl = '';

  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    this.baseUrl = url.replace(/\/$/, '');
    await this.page.goto(url);
    // Loading the UI sends installationUpdate + conversationUpdate for the personal chat.
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
  }

  async openPersonalChat(): Promise<void> {
    await this.openConversation('Personal Chat');
  }

  /** Opening a channel the first time in a page load installs the bot in the team. */
  async openChannel(teamName: string, channelName: string): Promise<void> {
    await this.openConversation(`${teamName} - ${channelName}`);
  }

  async openConversation(name: string): Promise<void> {
    const { role, name: accessibleName } = selectors.conversation(name);
    await this.page.getByRole(role, { name: accessibleName, exact: true }).click();
    await this.page.locator(selectors.composeBox).first().waitFor();
  }

  /**
   * Act as another member (display name or Teams user id) for card actions clicked from now on;
   * `undefined` goes back to the current user. Works in channels and group chats (the Playground
   * checks the roster), not in personal chat. Typed messages still come from currentUser.
   */
  async switchUser(user: string | undefined): Promise<void> {
    if (user === undefined) {
      this.actAs = undefined;
      return;
    }
    const res = await this.page.request.get(`${this.baseUrl}/_internal/v1/config`);
    const { config } = (await res.json()) as {
      config: { currentUser: PlaygroundUser; users: PlaygroundUser[] };
    };
    const found = [config.currentUser, ...config.users].find(
      (u) => u.name === user || u.id === user,
    );
    if (!found) throw new Error(`${user} is not a user in this Playground config`);
    this.actAs = found.id === config.currentUser.id ? undefined : found.id;
    if (!this.routeInstalled) {
      this.routeInstalled = true;
      await this.page.route(
        (u) => u.pathname.startsWith('/_conversation/v1/'),
        (route) => this.rewriteFrom(route),
      );
    }
  }

  private async rewriteFrom(route: Route): Promise<void> {
    const request = route.request();
    const raw = request.postData();
    if (!this.actAs || request.method() !== 'POST' || !raw) return route.continue();
    const body = JSON.parse(raw) as { from?: { id: string } };
    if (body.from) body.from = { ...body.from, id: this.actAs };
    return route.continue({ postData: JSON.stringify(body) });
  }

  /**
   * Types into the first compose box and presses Enter. In a channel, pass `mentionBot` so the
   * bot gets the message (the Playground forwards channel posts only when the bot is mentioned).
   */
  async send(text: string, opts: { mention?: string } = {}): Promise<void> {
    const box = this.page.locator(selectors.composeBox).first();
    await box.click();
    if (opts.mention) {
      await this.page.keyboard.type(`@${opts.mention.slice(0, 3)}`);
      const { role, name } = selectors.mentionItem(opts.mention);
      await this.page.getByRole(role, { name }).click();
      await this.page.keyboard.type(' ');
    }
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** @mentions the bot (default name "Belong") and sends `text` as a new channel post. */
  async sendToBot(text: string, botName = 'Belong'): Promise<void> {
    await this.send(text, { mention: botName });
  }

  /** Waits for a bot message (or card text block) containing `text`. */
  async waitForText(text: string, timeout = 15_000): Promise<Locator> {
    const message = this.page.locator(selectors.messageParagraph, { hasText: text }).last();
    await message.waitFor({ timeout });
    return message;
  }

  /** Waits for an Adaptive Card containing `text` and returns it. */
  async waitForCardText(text: string, timeout = 15_000): Promise<Locator> {
    const card = this.page.locator(selectors.adaptiveCard, { hasText: text }).last();
    await card.waitFor({ timeout });
    return card;
  }

  /** Clicks an Action.Execute (or other action) button on a card; the bot's reply card replaces it. */
  async clickCardAction(card: Locator, title: string): Promise<void> {
    const { role, name } = selectors.cardAction(title);
    await card.getByRole(role, { name, exact: true }).click();
  }
}
