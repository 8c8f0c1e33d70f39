import type { BusinessCalendar } from '@segflow/sla';
import type { UserRole } from './people';

// Shapes of the admin screens: users, API keys, the signed-in user's password, channel settings.

/** Body of `POST /api/users` (admin). The password follows the password policy (README, "Users"). */
export interface CreateUserRequest {
  email: string;
  name: string;
  role: UserRole;
  password: string;
  teamId?: string | null;
  capacity?: number | null;
}

/** Body of `PATCH /api/users/:id` (admin): only what changes. A new password or `active: false` ends their sessions. */
export interface UpdateUserRequest {
  name?: string;
  role?: UserRole;
  password?: string;
  teamId?: string | null;
  capacity?: number | null;
  active?: boolean;
}

/** Body of `POST /api/auth/password`: the signed-in user's own change; their other sessions end. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** What an API key may do. */
export type ApiKeyScope = 'ingest';

/** An API key as `GET /api/api-keys` lists it: never the key itself. */
export interface ApiKeySummary {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Body of `POST /api/api-keys`. */
export interface CreateApiKeyRequest {
  name: string;
  scopes?: ApiKeyScope[];
}

/** `POST /api/api-keys`' answer: the only time the plain key is shown. */
export interface CreatedApiKey extends ApiKeySummary {
  key: string;
}

/** `GET /api/settings/channels`: how the channels are configured, never a secret (no password, token or key). */
export interface ChannelSettings {
  email: {
    /** `relay`: SMTP_URL names a relay; `sandbox`: the embedded server keeps mail; `none`: replies from the Mail page cannot be sent. */
    transport: 'relay' | 'sandbox' | 'none';
    /** Host and port of SMTP_URL, without credentials. */
    relay: string | null;
    inboundDomain: string | null;
    /** Whether `POST /api/inbound/email` accepts posts (INBOUND_EMAIL_SECRET set). */
    inboundWebhook: boolean;
    /** Port of the embedded inbound SMTP server, when one runs. */
    inboundSmtpPort: number | null;
  };
  whatsapp: {
    /** `cloud`: Meta's Cloud API; `sandbox`: Segflow's own; `off`: WhatsApp touches are recorded, not sent. */
    mode: 'cloud' | 'sandbox' | 'off';
    phoneNumberId: string | null;
    /** Whether the webhook can be verified and checked (WHATSAPP_VERIFY_TOKEN and WHATSAPP_APP_SECRET set). */
    webhook: boolean;
  };
}

/** Body of `POST /api/sla/policies` and `PUT /api/sla/policies/:id`: first touch within X minutes of a segment entry. */
export interface SlaPolicyRequest {
  segmentId: string;
  /** Only runs of this playbook; null: every playbook bound to the segment. */
  playbookId?: string | null;
  firstTouchWithinMinutes: number;
  /** `business`: minutes count only inside `calendar`'s working hours. */
  clock: 'wall' | 'business';
  calendar?: BusinessCalendar | null;
  reassignOnBreach?: boolean;
}

/** An SLA policy as `GET /api/sla/policies` lists it. */
export interface SlaPolicySummary extends Required<SlaPolicyRequest> {
  id: string;
}

/** Body of `POST /api/teams` (admin). */
export interface CreateTeamRequest {
  /** A readable id such as `west` for route rules (lowercase letters, digits, dashes); a UUID when omitted. */
  id?: string;
  name: string;
  managerId?: string | null;
  calendar?: BusinessCalendar | null;
}

/** Body of `PATCH /api/teams/:id` (admin): only what changes. */
export interface UpdateTeamRequest {
  name?: string;
  managerId?: string | null;
  calendar?: BusinessCalendar | null;
}
