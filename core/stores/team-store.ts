import type { TableStore } from '../ports/table-store.js';
import type { Channel, ClassTeam, PersonalConversation, TeamMember } from '../school.js';
import { updateEntity } from './update.js';

type TeamEntity = ClassTeam & Record<string, unknown>;
type MemberEntity = TeamMember & Record<string, unknown>;

/**
 * Class teams the bot is installed in, their channels and members, and personal conversations.
 * Membership is kept twice — by team and by person — so both "who is in 7B" and "which teams is
 * this pupil in" are single-partition reads.
 */
export class TeamStore {
  constructor(private readonly store: TableStore) {}

  #teamKey(tenantId: string, teamId: string) {
    return { tenantId, partition: 'teams', row: teamId };
  }

  async get(tenantId: string, teamId: string): Promise<ClassTeam | undefined> {
    return (await this.store.get<TeamEntity>('teams', this.#teamKey(tenantId, teamId)))?.value;
  }

  /** Installed (not removed) class teams of a school, by name. */
  async listInstalled(tenantId: string): Promise<ClassTeam[]> {
    const rows = await this.store.list<TeamEntity>('teams', tenantId, 'teams');
    return rows
      .map((r) => r.value)
      .filter((t) => !t.removedAt)
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true }));
  }

  /** Records an install (or re-install). Channels already known are kept; new ones are added. */
  async recordInstall(
    tenantId: string,
    install: {
      teamId: string;
      name?: string;
      aadGroupId?: string;
      serviceUrl: string;
      channels: Channel[];
    },
    now: Date,
  ): Promise<ClassTeam> {
    const saved = await updateEntity<TeamEntity>(
      this.store,
      'teams',
      this.#teamKey(tenantId, install.teamId),
      (current) => {
        const channels = mergeChannels(current?.channels ?? [], install.channels);
        const { removedAt: _removed, ...rest } = current ?? ({} as Partial<TeamEntity>);
        return {
          ...rest,
          teamId: install.teamId,
          name: install.name ?? current?.name ?? install.teamId,
          ...((install.aadGroupId ?? current?.aadGroupId)
            ? { aadGroupId: install.aadGroupId ?? current?.aadGroupId }
            : {}),
          serviceUrl: install.serviceUrl,
          channels,
          installedAt: current && !current.removedAt ? current.installedAt : now.toISOString(),
        } as TeamEntity;
      },
    );
    return saved!;
  }

  async recordUninstall(tenantId: string, teamId: string, now: Date): Promise<void> {
    await updateEntity<TeamEntity>(
      this.store,
      'teams',
      this.#teamKey(tenantId, teamId),
      (current) =>
        current && !current.removedAt ? { ...current, removedAt: now.toISOString() } : undefined,
    );
  }

  async renameTeam(tenantId: string, teamId: string, name: string): Promise<void> {
    await updateEntity<TeamEntity>(
      this.store,
      'teams',
      this.#teamKey(tenantId, teamId),
      (current) => (current && current.name !== name ? { ...current, name } : undefined),
    );
  }

  /** Adds or renames a channel. Unknown teams are left alone (the install event creates them). */
  async upsertChannel(tenantId: string, teamId: string, channel: Channel): Promise<void> {
    await updateEntity<TeamEntity>(
      this.store,
      'teams',
      this.#teamKey(tenantId, teamId),
      (current) =>
        current ? { ...current, channels: mergeChannels(current.channels, [channel]) } : undefined,
    );
  }

  async removeChannel(tenantId: string, teamId: string, channelId: string): Promise<void> {
    await updateEntity<TeamEntity>(
      this.store,
      'teams',
      this.#teamKey(tenantId, teamId),
      (current) =>
        current && current.channels.some((c) => c.id === channelId)
          ? { ...current, channels: current.channels.filter((c) => c.id !== channelId) }
          : undefined,
    );
  }

  async addMember(tenantId: string, teamId: string, member: TeamMember): Promise<void> {
    await this.store.upsert<MemberEntity>(
      'members',
      { tenantId, partition: `team:${teamId}`, row: member.userId },
      { ...member },
    );
    await this.store.upsert(
      'memberships',
      { tenantId, partition: `user:${member.userId}`, row: teamId },
      { teamId },
    );
  }

  async removeMember(tenantId: string, teamId: string, userId: string): Promise<void> {
    await this.store.delete('members', { tenantId, partition: `team:${teamId}`, row: userId });
    await this.store.delete('memberships', { tenantId, partition: `user:${userId}`, row: teamId });
  }

  async listMembers(tenantId: string, teamId: string): Promise<TeamMember[]> {
    return (await this.store.list<MemberEntity>('members', tenantId, `team:${teamId}`)).map(
      (r) => r.value,
    );
  }

  async teamIdsOf(tenantId: string, userId: string): Promise<string[]> {
    return (await this.store.list('memberships', tenantId, `user:${userId}`)).map((r) => r.key.row);
  }

  async recordPersonalConversation(
    tenantId: string,
    conversation: PersonalConversation,
  ): Promise<void> {
    await this.store.upsert(
      'teams',
      { tenantId, partition: 'personal', row: conversation.userId },
      { ...conversation },
    );
  }

  async personalConversation(
    tenantId: string,
    userId: string,
  ): Promise<PersonalConversation | undefined> {
    return (
      await this.store.get<PersonalConversation & Record<string, unknown>>('teams', {
        tenantId,
        partition: 'personal',
        row: userId,
      })
    )?.value;
  }
}

function mergeChannels(known: Channel[], incoming: Channel[]): Channel[] {
  const byId = new Map(known.map((c) => [c.id, c]));
  for (const c of incoming)
    byId.set(c.id, { id: c.id, name: c.name || byId.get(c.id)?.name || c.id });
  return [...byId.values()];
}
