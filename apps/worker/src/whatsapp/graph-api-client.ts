/** Longest wait for Meta's answer to one send; a timeout is transient (Temporal retries the activity). */
export const GRAPH_API_TIMEOUT_MS = 15_000;

/** A message as the Cloud API's `POST /{phone-number-id}/messages` takes it (text or template; no media). */
export type GraphMessage =
  | { to: string; type: 'text'; text: { body: string; preview_url: false } }
  | {
      to: string;
      type: 'template';
      template: {
        name: string;
        language: { code: string };
        components: Array<{ type: 'body'; parameters: Array<{ type: 'text'; text: string }> }>;
      };
    };

/** Meta's refusal of a request: the HTTP status and, when the body carried one, Graph's error `code` and details. */
export class GraphApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    readonly details: string,
  ) {
    super(`WhatsApp Cloud API ${status}${code === null ? '' : ` code ${code}`}: ${details}`);
    this.name = 'GraphApiError';
  }
}

export interface GraphApiClientOptions {
  /** Base URL with the pinned version, e.g. `https://graph.facebook.com/v25.0` (or the sandbox's). */
  apiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs?: number;
}

/** The Cloud API's messages endpoint; one method, so the provider's policy can be tested against a local server. */
export interface GraphApiClient {
  /** Sends one message; resolves Meta's message id (`wamid.…`). Throws {@link GraphApiError} or a network/timeout error. */
  sendMessage(message: GraphMessage, bizOpaqueCallbackData: string): Promise<{ wamid: string }>;
}

type GraphErrorBody = { error?: { code?: unknown; message?: unknown; error_data?: { details?: unknown } } };

async function errorOf(response: Response): Promise<GraphApiError> {
  const text = await response.text();
  let body: GraphErrorBody = {};
  try {
    body = JSON.parse(text) as GraphErrorBody;
  } catch {
    // Proxies and load balancers answer HTML; the status alone then decides.
  }
  const error = body.error ?? {};
  const details =
    [error.message, error.error_data?.details].filter((part) => typeof part === 'string').join(' — ') ||
    text.slice(0, 200);
  return new GraphApiError(response.status, typeof error.code === 'number' ? error.code : null, details);
}

/**
 * A client of `POST {apiUrl}/{phoneNumberId}/messages` with a bearer token.
 *
 * @example
 * const client = createGraphApiClient({ apiUrl: 'https://graph.facebook.com/v25.0', phoneNumberId: '1234', accessToken });
 * await client.sendMessage({ to: '+919812345678', type: 'text', text: { body: 'Hi', preview_url: false } }, touchId);
 */
export function createGraphApiClient(options: GraphApiClientOptions): GraphApiClient {
  const url = `${options.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.phoneNumberId)}/messages`;
  return {
    async sendMessage(message, bizOpaqueCallbackData) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          biz_opaque_callback_data: bizOpaqueCallbackData,
          ...message,
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? GRAPH_API_TIMEOUT_MS),
      });
      if (!response.ok) throw await errorOf(response);
      const body = (await response.json()) as { messages?: Array<{ id?: unknown }> };
      const wamid = body.messages?.[0]?.id;
      if (typeof wamid !== 'string' || !wamid)
        throw new Error(`WhatsApp Cloud API answered ${response.status} without messages[0].id`);
      return { wamid };
    },
  };
}
