export const root: string;
export function needsBuild(): boolean;
export function build(options?: { quiet?: boolean }): void;
export function ensureBuild(options?: { quiet?: boolean }): boolean;
