import { buildClientIfStale } from '../../scripts/build-client.ts'

/** Browser tests run against the built client: build it first when it is missing or stale. */
export default function setup(): void {
  buildClientIfStale()
}
