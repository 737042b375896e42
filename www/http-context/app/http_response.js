// The response side of HttpContext: headers to send, and when the response
// was handed to the browser (code that runs later can tell it came too late).
export class HttpResponse {
  constructor() {
    this.headers = new Headers({ 'content-type': 'application/json' });
    this.status = 200;
    this.answeredAt = null;
  }

  get answered() {
    return this.answeredAt !== null;
  }
}
