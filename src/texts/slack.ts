/** The texts only the Slack door says: key → placeholders the code fills. Keys start with "slack.". */
export const SLACK_TEXTS = {} as const satisfies Record<string, readonly string[]>;
