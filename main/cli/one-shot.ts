import { config } from 'zod';

/**
 * A command-line call checks each template once: the code zod would compile for a schema's next
 * checks costs a one-shot process more than it saves (batch workers, which check many, keep it).
 */
export function oneShotSchemas(): void {
  config({ jitless: true });
}
