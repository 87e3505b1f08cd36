import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// What a module must never take into a browser bundle: the database, Node's built-ins
// (crypto, worker threads for bcrypt, sockets), the mail transport.
const SERVER_ONLY_IMPORT = /^import\s[^;]*?["'](@\/lib\/db(?!\/errors)(\/[^"']*)?|node:[^"']+|nodemailer)["'];/ms;
const MARK = /^import "server-only";$/m;

const root = process.cwd();

function libFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated") return [];
    if (statSync(path).isDirectory()) return libFiles(path);
    return /\.tsx?$/.test(name) ? [path.slice(root.length + 1)] : [];
  });
}

describe("server-only", () => {
  it("marks every module in lib/ that imports the database, a Node built-in or the mail transport", () => {
    const unmarked = libFiles(join(root, "lib")).filter((file) => {
      const source = readFileSync(join(root, file), "utf8");
      return SERVER_ONLY_IMPORT.test(source.replace(/^import type [^;]*;/gms, "")) && !MARK.test(source);
    });
    expect(unmarked).toEqual([]);
  });
});
