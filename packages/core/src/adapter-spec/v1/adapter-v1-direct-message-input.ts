/** What `doSendDirectMessage` receives. */
export interface AdapterV1DirectMessageInput {
  /** The recipient's id on the network. */
  recipientId: string;
  text: string;
}
