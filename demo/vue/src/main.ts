import { createApp } from 'vue';
import App from './App.vue';
import '../../framework-app.css';

// Vue sets `.prop` bindings whether or not the element is defined yet; waiting still lets the
// provider be upgraded before the app asks it for the session.
void customElements.whenDefined('roster-provider').then(() => createApp(App).mount('#app'));
