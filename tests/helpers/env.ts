// For configuration tests: the one line parseEnv refuses a configuration with.
import { parseEnv } from "@/lib/env";

export function refusal(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}
