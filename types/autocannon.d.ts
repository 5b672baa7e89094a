// The part of autocannon's API that the bench scripts use (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number };
  export type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number; duration: number };
  type Request = { method?: "GET" | "HEAD" | "POST"; path?: string; headers?: Record<string, string>; body?: string };
  type Options = { url: string; connections?: number; duration?: number; pipelining?: number; timeout?: number; headers?: Record<string, string>; requests?: Request[] };
  export default function autocannon(options: Options): Promise<Result>;
}
