/** The school (one per tenant) and its class teams as Belong knows them. */
import type { DeliveryTarget } from './delivery/delivery.js';

export interface School {
  tenantId: string;
  name: string;
  /** IANA time zone; schedules run in school-local time. */
  timeZone: string;
  createdAt: string;
}

export interface Channel {
  id: string;
  name: string;
}

/** A class team the bot has been installed in. */
export interface ClassTeam {
  teamId: string;
  name: string;
  /** Microsoft 365 group id of the team (channelData.team.aadGroupId): how Graph knows it. */
  aadGroupId?: string;
  /** The Bot Framework service URL to reach this team; it can change, so the latest one wins. */
  serviceUrl: string;
  channels: Channel[];
  installedAt: string;
  /** Set when the bot is uninstalled; the record stays so history (deliveries, trends) still resolves. */
  removedAt?: string;
}

/** A member of a class team as the bot saw them. No names are kept: the directory has those. */
export interface TeamMember {
  /** Entra object id. */
  userId: string;
  /** Teams user id (29:…), needed to message the person later. */
  teamsId: string;
  addedAt: string;
}

/** A one-to-one chat between the bot and a person, for personal messages. */
export interface PersonalConversation {
  userId: string;
  teamsId: string;
  conversationId: string;
  serviceUrl: string;
  installedAt: string;
}

export const generalChannelName = 'General';

/** Where to send a personal message: the person's chat with the bot. */
export const personalTarget = (chat: PersonalConversation): DeliveryTarget => ({
  kind: 'conversation',
  conversationId: chat.conversationId,
  serviceUrl: chat.serviceUrl,
});
