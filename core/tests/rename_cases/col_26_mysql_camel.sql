-- case: MySQL, camelCase to snake_case for two columns with the same type
-- dialect: mysql
-- expect: column orders.orderDate -> order_date
-- expect: column orders.shipDate -> ship_date
-- before
CREATE TABLE orders (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, orderDate datetime(3) NOT NULL, shipDate datetime(3) NULL);
-- after
CREATE TABLE orders (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, order_date datetime(3) NOT NULL, ship_date datetime(3) NULL);
