package example;

import dev.crmconnect.sdk.CrmConnectClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A CRM backend with one tenant's client as a bean; Spring closes it on shutdown. */
@SpringBootApplication
public class CrmApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmApplication.class, args);
    }

    @Bean
    CrmConnectClient crmConnectClient(@Value("${crm.base-url}") String baseUrl,
            @Value("${crm.token-url}") String tokenUrl, @Value("${crm.client-id}") String clientId,
            @Value("${crm.client-secret}") String clientSecret,
            @Value("${crm.integration-context}") String integrationContext) {
        return CrmConnectClient.builder()
                .baseUrl(baseUrl).tokenUrl(tokenUrl)
                .credentials(clientId, clientSecret)
                .integrationContext(integrationContext)
                .build();
    }
}
