export * from "./common";
export * from "./packaging";
export * from "./events";
export * from "./functions";
export * from "./resources";
export * from "./stack";
