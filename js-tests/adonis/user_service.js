import { storage } from './storage.js'

export class UserService {
  async get() {
    const state = storage.getStore()
    console.log(`The user id is ${state.user.id}`)
  }
}

// The guide's main.js imports the default export; its user_service.js only
// names the class. This line is the one addition to the guide's three files.
export default UserService
