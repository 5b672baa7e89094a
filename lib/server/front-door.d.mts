// Types of the plain-JavaScript front door, for the tests that use it.
import type { RequestListener } from "node:http";

export declare function frontDoor(next: RequestListener): RequestListener;
