-- case: MySQL table renamed with identical columns
-- dialect: mysql
-- expect: table invoice -> invoices
-- before
CREATE TABLE invoice (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, number varchar(32) NOT NULL, total decimal(12,2) NOT NULL, UNIQUE KEY invoice_number_key (number));
-- after
CREATE TABLE invoices (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, number varchar(32) NOT NULL, total decimal(12,2) NOT NULL, UNIQUE KEY invoices_number_key (number));
